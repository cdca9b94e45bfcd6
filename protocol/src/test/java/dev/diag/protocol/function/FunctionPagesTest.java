package dev.diag.protocol.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every declared function has its page under docs/functions/ that shows it called, and README
 * links that page: forgetting either fails here, in seconds, not in review.
 */
class FunctionPagesTest {
    /** The repository, seen from this module's directory (where Maven runs its tests). */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyFunctionHasAPageThatShowsItCalled() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Declaration d : Declaration.values()) {
            Path page = REPO.resolve("docs/functions").resolve(d.page());
            if (!Files.isRegularFile(page)) {
                missing.add(d.signature() + " has no page: write docs/functions/" + d.page());
            } else if (!Files.readString(page).contains(d.typed() + "(")) {
                missing.add("docs/functions/" + d.page() + " never shows " + d.typed() + "(...) called");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void readmeLinksEveryFunctionsPage() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        List<String> unlinked = Arrays.stream(Declaration.values())
                .filter(d -> !readme.contains("(docs/functions/" + d.page() + ")"))
                .map(d -> "README.md does not link docs/functions/" + d.page() + " (" + d.signature() + ")")
                .toList();
        assertEquals(List.of(), unlinked);
    }
}
