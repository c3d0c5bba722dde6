package dev.mdj.cli;

import picocli.CommandLine;

/** The version line of {@code mdj --version}, from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mdj " + (version != null ? version : "(development build)")
                + ", Java " + Runtime.version()};
    }
}
