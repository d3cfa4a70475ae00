package irw.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = IrwCommand.class.getPackage().getImplementationVersion();
        return new String[]{"irw " + (v == null ? "development build" : v)};
    }
}
