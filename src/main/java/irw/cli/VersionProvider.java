package irw.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"irw " + irw.core.ProductVersion.get()};
    }
}
