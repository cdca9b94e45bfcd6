package dev.diag.shell.cli;

import picocli.CommandLine;

/**
 * {@code diag --version} (and every subcommand's): the version and commit the shell was built
 * from and the JVM running it ({@link BuildInfo}), which a bug report needs.
 */
public final class DiagVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return BuildInfo.load().versionLines().toArray(String[]::new);
    }
}
