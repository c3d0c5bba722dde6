package dev.mdj.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads an httpd-style configuration into a tree of {@link Directive}s, doing the work httpd
 * does while reading: {@code Include}/{@code IncludeOptional} (globs, ServerRoot-relative),
 * {@code <IfModule>}, {@code <IfDefine>}, {@code <IfFile>}, {@code <IfDirective>},
 * {@code <IfSection>}, {@code Define}/{@code UnDefine}, {@code ${VAR}} substitution and
 * {@code ServerRoot}. The content of a false condition is skipped without being parsed, as in
 * httpd, so directives of modules mdj does not have may sit there.
 *
 * <p>Reading stops at the first structural error (an unclosed section, a missing include), which
 * is thrown as a {@link ConfigException} naming file and line. Whether each directive is known and
 * valid is decided later, by {@link ConfigReader}.
 *
 * <p>Not thread-safe; use one parser per parse.
 */
public final class ConfigParser {

    /** Include nesting beyond this is taken for a loop, as httpd does (its limit is 128). */
    static final int MAX_INCLUDE_DEPTH = 128;

    /**
     * Sections nested deeper than this are refused: reading and applying them recurses, and a
     * runaway nesting would otherwise end in a StackOverflowError instead of an error message.
     */
    static final int MAX_SECTION_DEPTH = 256;

    /** A single configuration file larger than this is refused. */
    static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    private static final Path DEV_NULL = Path.of("/dev/null");

    private final Defines defines;
    private final List<ConfigError> warnings = new ArrayList<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private Path serverRoot;
    private int sectionDepth;

    public ConfigParser(ParseOptions options) {
        this.defines = new Defines(options.defines(), options.environment());
        this.serverRoot = options.serverRoot().map(p -> p.toAbsolutePath().normalize()).orElse(null);
    }

    /**
     * Parses {@code file} and everything it includes.
     *
     * @throws ConfigException at the first structural error
     */
    public ParsedConfig parse(Path file) {
        Path main = file.toAbsolutePath().normalize();
        if (serverRoot == null) {
            serverRoot = main.getParent();
        }
        List<Directive> directives = parseFile(main, null);
        return new ParsedConfig(main, serverRoot, directives, warnings);
    }

    private List<Directive> parseFile(Path file, Location includedAt) {
        if (includeStack.size() >= MAX_INCLUDE_DEPTH) {
            throw error(includedAt, "Exceeded the maximum include nesting level of "
                    + MAX_INCLUDE_DEPTH + "; do the included files include each other?");
        }
        byte[] bytes = read(file, includedAt != null ? includedAt : Location.of(file));
        includeStack.push(file);
        try {
            return parseBlock(new LineReader(file, bytes), null);
        } finally {
            includeStack.pop();
        }
    }

    private byte[] read(Path file, Location includedAt) {
        try {
            if (Files.isDirectory(file)) {
                throw error(includedAt, "'" + file + "' is a directory, not a configuration file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file) && !file.equals(DEV_NULL)) {
                // httpd's ap_pcfg_openfile says the same; /dev/zero or a FIFO would never end
                throw error(includedAt, "Access to file " + file
                        + " denied by server: not a regular file");
            }
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw error(includedAt, "'" + file + "' is larger than "
                        + (MAX_FILE_SIZE >> 20) + " MiB; is this a configuration file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw error(includedAt, "Could not open configuration file " + file
                    + ": No such file or directory");
        } catch (IOException e) {
            throw error(includedAt, "Could not open configuration file " + file + ": " + e);
        }
    }

    /**
     * Reads directives up to the end of the section named {@code open} (or to the end of the
     * file when {@code open} is null).
     */
    private List<Directive> parseBlock(LineReader lines, SectionStart open) {
        List<Directive> block = new ArrayList<>();
        for (LogicalLine line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlankOrComment()) {
                continue;
            }
            Location at = line.location();
            String text;
            try {
                text = defines.substitute(line.text(), name -> warnings.add(new ConfigError(at,
                        "Config variable ${" + name + "} is not defined")));
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage());
            }
            if (text.startsWith("</")) {
                closeSection(text, at, open);
                return block;
            }
            if (text.startsWith("<")) {
                SectionStart start = SectionStart.parse(text, at);
                if (Conditions.isCondition(start.name())) {
                    if (evaluate(start)) {
                        block.addAll(parseSection(lines, start));
                    } else {
                        skipSection(lines, start);
                    }
                } else {
                    List<Directive> children = parseSection(lines, start);
                    block.add(new Directive(start.name(), start.args(), start.rawArgs(), at, true,
                            children));
                }
                continue;
            }
            readDirective(text, at, block);
        }
        if (open != null) {
            throw error(open.location(), "<" + open.name() + "> was not closed.");
        }
        return block;
    }

    private List<Directive> parseSection(LineReader lines, SectionStart start) {
        if (sectionDepth >= MAX_SECTION_DEPTH) {
            throw error(start.location(), "<" + start.name() + "> is nested more than "
                    + MAX_SECTION_DEPTH + " sections deep");
        }
        sectionDepth++;
        try {
            return parseBlock(lines, start);
        } finally {
            sectionDepth--;
        }
    }

    private void readDirective(String text, Location at, List<Directive> block) {
        int nameEnd = 0;
        while (nameEnd < text.length() && !Words.isBlank(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(0, nameEnd);
        String raw = text.substring(nameEnd).strip();
        List<String> args = split(raw, at);
        switch (name.toLowerCase(Locale.ROOT)) {
            case "include" -> block.addAll(include(args, at, false));
            case "includeoptional" -> block.addAll(include(args, at, true));
            case "define" -> define(args, at);
            case "undefine" -> {
                requireArgs(name, args, 1, 1, at, "takes one argument, the name to undefine");
                defines.undefine(args.get(0));
            }
            case "serverroot" -> {
                requireArgs(name, args, 1, 1, at,
                        "takes one argument, Common directory of server-related files");
                serverRoot(args.get(0), at);
                block.add(new Directive(name, args, raw, at, false, List.of()));
            }
            default -> block.add(new Directive(name, args, raw, at, false, List.of()));
        }
    }

    private List<Directive> include(List<String> args, Location at, boolean optional) {
        String name = optional ? "IncludeOptional" : "Include";
        requireArgs(name, args, 1, 1, at, "takes one argument, Name(s) of the config file(s) to be included");
        Path pattern = serverRoot.resolve(args.get(0)).normalize();
        List<Path> files;
        try {
            files = IncludeFiles.expand(pattern, optional);
        } catch (IllegalArgumentException | IOException e) {
            throw error(at, e.getMessage());
        }
        List<Directive> included = new ArrayList<>();
        for (Path file : files) {
            Path normalized = file.toAbsolutePath().normalize();
            if (includeStack.contains(normalized)) {
                throw error(at, name + " of " + normalized + " would include it into itself");
            }
            included.addAll(parseFile(normalized, at));
        }
        return included;
    }

    private void define(List<String> args, Location at) {
        requireArgs("Define", args, 1, 2, at, "takes 1-2 arguments, Define a variable, "
                + "optionally to a value. Same as passing -D to the command line.");
        try {
            defines.define(args.get(0), args.size() == 2 ? args.get(1) : null);
        } catch (IllegalArgumentException e) {
            throw error(at, "Define: " + e.getMessage());
        }
    }

    private void serverRoot(String value, Location at) {
        Path root = serverRoot.resolve(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw error(at, "ServerRoot must be a valid directory: '" + root + "' is not");
        }
        serverRoot = root;
    }

    private boolean evaluate(SectionStart start) {
        try {
            return Conditions.evaluate(start, defines, serverRoot);
        } catch (IllegalArgumentException e) {
            throw error(start.location(), "<" + start.name() + "> " + e.getMessage());
        }
    }

    private static void closeSection(String text, Location at, SectionStart open) {
        String name = text.substring(2, text.endsWith(">") ? text.length() - 1 : text.length()).strip();
        if (open == null) {
            throw error(at, "</" + name + "> without matching <" + name + "> section");
        }
        if (!text.endsWith(">")) {
            throw error(at, "</" + name + " directive missing closing '>'");
        }
        if (!name.equalsIgnoreCase(open.name())) {
            throw error(at, "Expected </" + open.name() + "> but saw </" + name + ">"
                    + " (the section was opened at " + open.location() + ")");
        }
    }

    /**
     * Skips the content of a false conditional section without parsing it, counting nested
     * sections of the same name as httpd's {@code ap_soak_end_container} does.
     */
    private static void skipSection(LineReader lines, SectionStart open) {
        String opening = "<" + open.name().toLowerCase(Locale.ROOT);
        String closing = "</" + open.name().toLowerCase(Locale.ROOT);
        int depth = 0;
        for (LogicalLine line = lines.next(); line != null; line = lines.next()) {
            String lower = line.text().toLowerCase(Locale.ROOT);
            if (startsWithWord(lower, closing)) {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (startsWithWord(lower, opening)) {
                depth++;
            }
        }
        throw error(open.location(), "<" + open.name() + "> was not closed.");
    }

    private static boolean startsWithWord(String line, String word) {
        if (!line.startsWith(word)) {
            return false;
        }
        if (line.length() == word.length()) {
            return true;
        }
        char next = line.charAt(word.length());
        return next == '>' || Words.isBlank(next);
    }

    private static List<String> split(String raw, Location at) {
        try {
            return Words.split(raw);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private static void requireArgs(String name, List<String> args, int min, int max, Location at,
            String usage) {
        if (args.size() < min || args.size() > max) {
            throw error(at, name + " " + usage);
        }
    }

    private static ConfigException error(Location at, String message) {
        return new ConfigException(new ConfigError(at, message));
    }
}
