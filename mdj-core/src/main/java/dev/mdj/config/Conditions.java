package dev.mdj.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The conditional sections httpd decides while reading: {@code <IfModule>}, {@code <IfDefine>},
 * {@code <IfFile>}, {@code <IfDirective>} and {@code <IfSection>}. Each takes one argument that
 * a leading {@code !} negates.
 */
final class Conditions {

    private Conditions() {
    }

    static boolean isCondition(String sectionName) {
        return switch (sectionName.toLowerCase(Locale.ROOT)) {
            case "ifmodule", "ifdefine", "iffile", "ifdirective", "ifsection" -> true;
            default -> false;
        };
    }

    static boolean evaluate(SectionStart start, Defines defines, Path serverRoot) {
        if (start.args().size() != 1) {
            throw new IllegalArgumentException("takes exactly one argument");
        }
        String arg = start.args().get(0);
        boolean negate = arg.startsWith("!");
        String subject = negate ? arg.substring(1) : arg;
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("needs a name after '!'");
        }
        boolean holds = switch (start.name().toLowerCase(Locale.ROOT)) {
            case "ifmodule" -> Modules.isProvided(subject);
            case "ifdefine" -> defines.isDefined(subject);
            case "iffile" -> Files.exists(serverRoot.resolve(subject));
            case "ifdirective" -> Directives.isKnown(subject);
            case "ifsection" -> Directives.isKnownSection(subject);
            default -> throw new IllegalStateException("not a condition: " + start.name());
        };
        return holds != negate;
    }
}
