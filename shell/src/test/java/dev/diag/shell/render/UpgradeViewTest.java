package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.UpgradeClass;
import dev.diag.protocol.result.UpgradeProblem;
import dev.diag.protocol.result.UpgradeReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeViewTest {
    private static final UpgradeClass PRICING = new UpgradeClass("shop.Pricing", "app",
            "build/shop/Pricing.class", 1503, "redefined", 1);

    @Test
    void saysHowManyClassesLoadedInOneStepAndWhatEachPauseTook() {
        List<String> lines = UpgradeView.render(new UpgradeReport("loaded", true, List.of(PRICING), List.of(), 1240L,
                1380L, List.of()), 100);

        assertEquals(List.of(
                "loaded 1 class in one step (keeping the running versions took 1.2 ms, redefineClasses 1.4 ms)",
                "CLASS         OUTCOME    BYTES  KEPT  FROM",
                "shop.Pricing  redefined  1,503     1  build/shop/Pricing.class"), lines);
    }

    @Test
    void listsEveryProblemOfAFailedCheckIndentedAndWrapped() {
        UpgradeProblem field = new UpgradeProblem("shop.Pricing", "schema", "shop.Pricing adds field private int "
                + "discount; the JVM cannot add, remove or change the fields of a loaded class");
        List<String> lines = UpgradeView.render(new UpgradeReport("checked", false, List.of(), List.of(field, field),
                null, null, List.of("could not check x")), 70);

        assertEquals("check failed: 2 problems; loading this set would change nothing:", lines.get(0));
        assertTrue(lines.get(1).startsWith("  shop.Pricing adds field"), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.length() <= 70), lines.toString());
        assertEquals("  note: could not check x", lines.get(lines.size() - 1));
    }

    @Test
    void saysWhenThereWasNothingToLoad() {
        UpgradeClass same = new UpgradeClass("shop.Pricing", "app", "x", 10, "unchanged", 0);
        assertEquals("nothing to load: every class file is the version the node runs",
                UpgradeView.render(new UpgradeReport("loaded", true, List.of(same), List.of(), 900L, null, List.of()), 80)
                        .get(0));
    }

    @Test
    void saysHowManyClassesWereNewAndHowManyUnchanged() {
        UpgradeClass names = new UpgradeClass("shop.Names", "app", "Names.class", 400, "defined", 0);
        UpgradeClass same = new UpgradeClass("shop.Rules", "app", "Rules.class", 10, "unchanged", 0);
        assertEquals("loaded 2 classes in one step, 1 of them new (keeping the running versions took 1.2 ms, "
                + "redefineClasses 1.4 ms); 1 unchanged", UpgradeView.render(new UpgradeReport("loaded", true,
                        List.of(PRICING, names, same), List.of(), 1240L, 1380L, List.of()), 200).get(0));
    }

    @Test
    void aRollbackSaysTheClassesDiagDefinedStayDefined() {
        UpgradeClass restored = new UpgradeClass("shop.Pricing", "app", "x", 10, "restored", 0);
        UpgradeClass names = new UpgradeClass("shop.Names", "app", "x", 0, "left_defined", 0);
        assertEquals("rolled back 1 class in one step (redefineClasses took 1.4 ms); 1 class diag defined stays "
                + "defined, unused: a JVM cannot undo the definition of a class", UpgradeView.render(
                        new UpgradeReport("rolled_back", true, List.of(restored, names), List.of(), null, 1380L,
                                List.of()), 200).get(0));
    }

    @Test
    void showsMicrosecondsAsMillisecondsWithOneDecimal() {
        assertEquals("0.0 ms", UpgradeView.micros(12));
        assertEquals("0.4 ms", UpgradeView.micros(420));
        assertEquals("19.3 ms", UpgradeView.micros(19_310));
        assertEquals("1,204 ms", UpgradeView.micros(1_204_000));
    }
}
