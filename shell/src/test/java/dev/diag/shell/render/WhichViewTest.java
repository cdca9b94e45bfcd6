package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.ClassWhich;
import dev.diag.protocol.result.LoadedCopy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** code:which: a class whose loader gives back no class file, and one diag defined, say so. */
class WhichViewTest {
    @Test
    void aLoaderWithoutAClassFileIsOneSentenceAndAClassDiagDefinedSaysFromWhat() {
        LoadedCopy generated = new LoadedCopy("generated@1b6d3586", null, null, 0, null, null);
        LoadedCopy names = new LoadedCopy("app", "file:/srv/shop/classes/", "file:/srv/shop/classes/shop/Names.class", 0,
                null, "build/shop/Names.class");
        assertEquals(List.of("shop.Gen", "  loader    generated@1b6d3586", "  origin    -",
                "  file      - (its loader gives back no class file for it, as for a class generated at run time: l "
                        + "cannot reload it; send a new version with diag load)",
                "  versions  0 kept for rollback; never redefined by diag"),
                WhichView.which(new ClassWhich("shop.Gen", true, List.of(generated), null), 0, 200));
        assertEquals("  defined   by diag load from build/shop/Names.class, not from the file above, which l would "
                + "read in its place", WhichView.which(new ClassWhich("shop.Names", true, List.of(names), null), 0, 200)
                        .get(4));
    }
}
