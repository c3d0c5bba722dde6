package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {

    @TempDir
    Path dir;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private ParseOptions options() {
        return ParseOptions.defaults().withServerRoot(dir).withEnvironment(Map.of());
    }

    private ParsedConfig parse(String text) {
        return parse(files.write("httpd.conf", text), options());
    }

    private static ParsedConfig parse(Path file, ParseOptions options) {
        return new ConfigParser(options).parse(file);
    }

    private ConfigError parseError(String text) {
        return parseError(files.write("httpd.conf", text), options());
    }

    private static ConfigError parseError(Path file, ParseOptions options) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigParser(options).parse(file));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    private static List<String> names(List<Directive> directives) {
        return directives.stream().map(Directive::name).toList();
    }

    private static Directive only(ParsedConfig parsed) {
        assertThat(parsed.directives()).hasSize(1);
        return parsed.directives().get(0);
    }

    // ------------------------------------------------------------------ words and quoting

    @Nested
    class Quoting {

        @Test
        void doubleAndSingleQuotedArgumentsKeepBlanks() {
            Directive d = only(parse("""
                    Header set X-Test "a b"   'x'  plain
                    """));
            assertThat(d.name()).isEqualTo("Header");
            assertThat(d.args()).containsExactly("set", "X-Test", "a b", "x", "plain");
            assertThat(d.rawArgs()).isEqualTo("set X-Test \"a b\"   'x'  plain");
        }

        @Test
        void backslashEscapesOnlyTheEnclosingQuote() {
            Directive d = only(parse("""
                    Foo "say \\"hi\\"" 'it\\'s' 'a\\"b' "c\\'d" "back\\\\slash"
                    """));
            assertThat(d.args()).containsExactly("say \"hi\"", "it's", "a\\\"b", "c\\'d",
                    "back\\\\slash");
        }

        @Test
        void quoteInsideAnUnquotedWordIsOrdinary() {
            Directive d = only(parse("""
                    Foo don't a"b c'
                    """));
            assertThat(d.args()).containsExactly("don't", "a\"b", "c'");
        }

        @Test
        void emptyQuotedArgument() {
            assertThat(only(parse("Foo \"\" ''\n")).args()).containsExactly("", "");
        }

        @Test
        void unterminatedQuoteIsAnErrorWithItsLine() {
            ConfigError e = parseError("""
                    ServerName example.org

                    Header set X-Test "never closed
                    Listen 80
                    """);
            assertThat(e.location().line()).isEqualTo(3);
            assertThat(e.location().file()).isEqualTo(dir.resolve("httpd.conf"));
            assertThat(e.message()).contains("is not closed");
        }

        @Test
        void unterminatedQuoteInSectionStart() {
            ConfigError e = parseError("""
                    <Location "/x>
                    </Location>
                    """);
            assertThat(e.location().line()).isEqualTo(1);
            assertThat(e.message()).contains("is not closed");
        }
    }

    // ------------------------------------------------------------------ lines

    @Nested
    class Lines {

        @Test
        void continuationJoinsLinesAndKeepsTheFirstLineNumber() {
            ParsedConfig parsed = parse("""
                    # a comment

                    MDomain example.org \\
                        www.example.org \\
                        mail.example.org
                    Listen 443
                    """);
            assertThat(names(parsed.directives())).containsExactly("MDomain", "Listen");
            Directive md = parsed.directives().get(0);
            assertThat(md.args()).containsExactly("example.org", "www.example.org", "mail.example.org");
            assertThat(md.location().line()).isEqualTo(3);
            assertThat(parsed.directives().get(1).location().line()).isEqualTo(6);
        }

        @Test
        void continuedCommentSwallowsTheNextLine() {
            ParsedConfig parsed = parse("""
                    # a comment that goes on \\
                    NotADirective really
                    Listen 80
                    """);
            assertThat(names(parsed.directives())).containsExactly("Listen");
            assertThat(parsed.directives().get(0).location().line()).isEqualTo(3);
        }

        @Test
        void commentLinesAndBlankLinesAreSkipped() {
            ParsedConfig parsed = parse("""
                    # comment
                       # indented comment
                    \t
                    Listen 80

                    #Listen 81
                    """);
            assertThat(names(parsed.directives())).containsExactly("Listen");
            assertThat(parsed.directives().get(0).location().line()).isEqualTo(4);
        }

        @Test
        void trailingHashIsNotAComment() {
            Directive d = only(parse("MDRenewMode manual # comment\n"));
            assertThat(d.args()).containsExactly("manual", "#", "comment");
        }

        @Test
        void crlfLineEndings() {
            ParsedConfig parsed = parse("Listen 80\r\nMDomain a.example \\\r\n b.example\r\n"
                    + "<VirtualHost *:443>\r\n  ServerName a.example\r\n</VirtualHost>\r\n");
            assertThat(names(parsed.directives())).containsExactly("Listen", "MDomain", "VirtualHost");
            assertThat(parsed.directives().get(0).args()).containsExactly("80");
            assertThat(parsed.directives().get(1).args()).containsExactly("a.example", "b.example");
            assertThat(parsed.directives().get(2).args()).containsExactly("*:443");
            assertThat(parsed.directives().get(2).children().get(0).args()).containsExactly("a.example");
            assertThat(parsed.directives().get(2).location().line()).isEqualTo(4);
        }

        @Test
        void fileWithoutFinalNewline() {
            assertThat(only(parse("Listen 80")).args()).containsExactly("80");
        }

        @Test
        void nulByteIsAnErrorWithItsLine() {
            Path file = files.write("httpd.conf", "Listen 80\nServerName a\0b\n".getBytes(StandardCharsets.UTF_8));
            ConfigError e = parseError(file, options());
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("NUL");
        }

        @Test
        void invalidUtf8IsAnErrorWithItsLine() {
            byte[] bytes = "Listen 80\n\nServerName caf\u00ff.example\n".getBytes(StandardCharsets.ISO_8859_1);
            ConfigError e = parseError(files.write("httpd.conf", bytes), options());
            assertThat(e.location().line()).isEqualTo(3);
            assertThat(e.message()).contains("UTF-8");
        }

        @Test
        void validUtf8IsAccepted() {
            assertThat(only(parse("ServerAdmin \"J\u00fcrgen <j@example.org>\"\n")).args())
                    .containsExactly("J\u00fcrgen <j@example.org>");
        }

        @Test
        void lineLongerThan64KiBIsAnError() {
            String longLine = "ServerName " + "a".repeat(64 * 1024) + "\n";
            ConfigError e = parseError("Listen 80\n" + longLine);
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("longer than");
        }

        @Test
        void continuedLineLongerThan64KiBIsAnErrorAtItsFirstLine() {
            String part = "a".repeat(40 * 1024);
            ConfigError e = parseError("Listen 80\nFoo " + part + " \\\n" + part + "\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("longer than");
        }
    }

    // ------------------------------------------------------------------ sections

    @Nested
    class Sections {

        @Test
        void nestedSectionsHaveChildren() {
            ParsedConfig parsed = parse("""
                    <VirtualHost *:443>
                        ServerName a.example
                        <Location "/md-status">
                            SetHandler md-status
                            Require ip 127.0.0.1
                        </Location>
                    </VirtualHost>
                    <MDomain a.example>
                        MDRenewMode always
                    </MDomain>
                    """);
            assertThat(names(parsed.directives())).containsExactly("VirtualHost", "MDomain");
            Directive vhost = parsed.directives().get(0);
            assertThat(vhost.section()).isTrue();
            assertThat(vhost.args()).containsExactly("*:443");
            assertThat(names(vhost.children())).containsExactly("ServerName", "Location");
            Directive location = vhost.children().get(1);
            assertThat(location.section()).isTrue();
            assertThat(location.args()).containsExactly("/md-status");
            assertThat(location.location().line()).isEqualTo(3);
            assertThat(names(location.children())).containsExactly("SetHandler", "Require");
            assertThat(location.children().get(1).args()).containsExactly("ip", "127.0.0.1");
            assertThat(location.children().get(1).location().line()).isEqualTo(5);
            assertThat(parsed.directives().get(1).children().get(0).section()).isFalse();
        }

        @Test
        void closingTagIsCaseInsensitive() {
            assertThat(only(parse("<virtualhost *:80>\n</VIRTUALHOST>\n")).name())
                    .isEqualTo("virtualhost");
        }

        @Test
        void sectionWithoutArguments() {
            Directive d = only(parse("<Foo>\n</Foo>\n"));
            assertThat(d.args()).isEmpty();
            assertThat(d.children()).isEmpty();
        }

        @Test
        void sectionStartMissingClosingBracket() {
            ConfigError e = parseError("""
                    Listen 80
                    <VirtualHost *:80
                    </VirtualHost>
                    """);
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("<VirtualHost> directive missing closing '>'");
        }

        @Test
        void sectionEndMissingClosingBracket() {
            ConfigError e = parseError("""
                    <VirtualHost *:80>
                    </VirtualHost
                    """);
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("missing closing '>'");
        }

        @Test
        void mismatchedClose() {
            ConfigError e = parseError("""
                    <VirtualHost *:443>
                        <Location /x>
                        </VirtualHost>
                    </Location>
                    """);
            assertThat(e.location().line()).isEqualTo(3);
            assertThat(e.message()).contains("Expected </Location> but saw </VirtualHost>");

            ConfigError e2 = parseError("""
                    <VirtualHost *:443>
                    </Location>
                    """);
            assertThat(e2.location().line()).isEqualTo(2);
            assertThat(e2.message()).startsWith("Expected </VirtualHost> but saw </Location>");
        }

        @Test
        void strayClose() {
            ConfigError e = parseError("""
                    Listen 80
                    </VirtualHost>
                    """);
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("</VirtualHost> without matching <VirtualHost> section");
        }

        @Test
        void unclosedSectionIsReportedAtItsOpeningLine() {
            ConfigError e = parseError("""
                    Listen 80
                    <VirtualHost *:80>
                        <Location />
                        </Location>
                        ServerName a.example
                    """);
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("<VirtualHost> was not closed");
        }

        @Test
        void deeplyNestedSectionsAreAnErrorNotAStackOverflow() {
            int depth = 100_000;
            String text = "<IfDefine !NOPE>\n".repeat(depth) + "Listen 80\n"
                    + "</IfDefine>\n".repeat(depth);
            ConfigError e = parseError(text);
            assertThat(e.location().line()).isEqualTo(ConfigParser.MAX_SECTION_DEPTH + 1);
            assertThat(e.message()).contains("nested more than 256");
            String vhosts = "<VirtualHost *:80>\n".repeat(depth) + "</VirtualHost>\n".repeat(depth);
            assertThat(parseError(vhosts).message()).contains("nest");
            int limit = ConfigParser.MAX_SECTION_DEPTH;
            String deepest = "<Foo>\n".repeat(limit) + "Listen 80\n" + "</Foo>\n".repeat(limit);
            Directive d = only(parse(deepest));
            for (int i = 1; i < limit; i++) {
                d = d.children().get(0);
            }
            assertThat(names(d.children())).containsExactly("Listen");
        }

        @Test
        void lessThanAloneIsAnError() {
            ConfigError e = parseError("Listen 80\n<>\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("without a section name");
        }
    }

    // ------------------------------------------------------------------ includes

    @Nested
    class Includes {

        @Test
        void relativeIncludeIsServerRootRelative() {
            files.write("conf/extra.conf", "Listen 8080\n");
            Path main = files.write("sub/httpd.conf", "Include conf/extra.conf\nListen 80\n");
            ParsedConfig parsed = parse(main, options());
            assertThat(names(parsed.directives())).containsExactly("Listen", "Listen");
            assertThat(parsed.directives().get(0).args()).containsExactly("8080");
            assertThat(parsed.directives().get(0).location())
                    .isEqualTo(new Location(dir.resolve("conf/extra.conf"), 1));
            assertThat(parsed.directives().get(1).location())
                    .isEqualTo(new Location(dir.resolve("sub/httpd.conf"), 2));
        }

        @Test
        void serverRootDefaultsToTheMainFilesDirectory() {
            files.write("sub/extra.conf", "Listen 8080\n");
            Path main = files.write("sub/httpd.conf", "Include extra.conf\n");
            ParsedConfig parsed = parse(main, ParseOptions.defaults().withEnvironment(Map.of()));
            assertThat(parsed.serverRoot()).isEqualTo(dir.resolve("sub"));
            assertThat(only(parsed).args()).containsExactly("8080");
        }

        @Test
        void absoluteInclude() {
            Path other = files.write("elsewhere/x.conf", "Listen 81\n");
            ParsedConfig parsed = parse("Include \"" + other + "\"\n");
            assertThat(only(parsed).location()).isEqualTo(new Location(other, 1));
        }

        @Test
        void globIncludesInSortedOrder() {
            files.write("conf.d/20-b.conf", "Listen 20\n");
            files.write("conf.d/10-a.conf", "Listen 10\n");
            files.write("conf.d/30-c.conf", "Listen 30\n");
            files.write("conf.d/ignored.txt", "Bogus\n");
            ParsedConfig parsed = parse("Include conf.d/*.conf\n");
            assertThat(parsed.directives()).extracting(d -> d.args().get(0))
                    .containsExactly("10", "20", "30");
        }

        @Test
        void wildcardInADirectoryComponent() {
            files.write("sites/b/site.conf", "Listen 2\n");
            files.write("sites/a/site.conf", "Listen 1\n");
            files.write("sites/README", "not a directory, skipped as httpd does\n");
            ParsedConfig parsed = parse("Include sites/*/site.conf\n");
            assertThat(parsed.directives()).extracting(d -> d.args().get(0)).containsExactly("1", "2");
            assertThat(parsed.directives().get(1).location().file())
                    .isEqualTo(dir.resolve("sites/b/site.conf"));
        }

        @Test
        void wildcardDirectoryWithoutTheFileFailsForIncludeOnly() {
            files.write("sites/a/site.conf", "Listen 1\n");
            files.write("sites/c/other.conf", "Listen 3\n");
            ConfigError e = parseError("Include sites/*/site.conf\n");
            assertThat(e.message()).contains("sites/c/site.conf");
            ParsedConfig parsed = parse("IncludeOptional sites/*/site.conf\n");
            assertThat(only(parsed).args()).containsExactly("1");
        }

        @Test
        void wildcardDoesNotMatchALeadingDot() {
            files.write("conf.d/a.conf", "Listen 1\n");
            files.write("conf.d/.hidden.conf", "Bogus\n");
            ParsedConfig parsed = parse("Include conf.d/*.conf\n");
            assertThat(only(parsed).args()).containsExactly("1");
            assertThat(only(parse("Include conf.d/.*.conf\n")).name()).isEqualTo("Bogus");
        }

        @Test
        void malformedWildcardIsAOneLineError() {
            files.write("conf.d/a.conf", "Listen 1\n");
            ConfigError e = parseError("Listen 80\nInclude conf.d/[a*.conf\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("[a*.conf").doesNotContain("\n");
        }

        @Test
        void bracesInAWildcardAreLiteralAsInHttpd() {
            files.write("conf.d/x{a,b}.conf", "Listen 1\n");
            files.write("conf.d/xa.conf", "Listen 2\n");
            ParsedConfig parsed = parse("Include conf.d/x{a,b}*.conf\n");
            assertThat(only(parsed).args()).containsExactly("1");
        }

        @Test
        void directoryIncludeReadsEveryFileBelow() {
            files.write("conf.d/b.conf", "Listen 2\n");
            files.write("conf.d/a.conf", "Listen 1\n");
            files.write("conf.d/sub/c.conf", "Listen 3\n");
            ParsedConfig parsed = parse("Include conf.d\n");
            assertThat(parsed.directives()).extracting(d -> d.args().get(0))
                    .containsExactly("1", "2", "3");
        }

        @Test
        void includeWithNoMatchIsAnErrorNamingTheWildcard() {
            files.mkdir("conf.d");
            ConfigError e = parseError("Listen 80\nInclude conf.d/*.conf\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("No matches for the wildcard '*.conf'");
        }

        @Test
        void includeOptionalWithNoMatchIsFine() {
            files.mkdir("conf.d");
            ParsedConfig parsed = parse("""
                    IncludeOptional conf.d/*.conf
                    IncludeOptional nowhere/*/x.conf
                    IncludeOptional missing.conf
                    Listen 80
                    """);
            assertThat(names(parsed.directives())).containsExactly("Listen");
        }

        @Test
        void includeOfAMissingFileIsAnError() {
            ConfigError e = parseError("Listen 80\nInclude missing.conf\n");
            assertThat(e.location()).isEqualTo(new Location(dir.resolve("httpd.conf"), 2));
            assertThat(e.message()).contains("missing.conf").contains("No such file");
        }

        @Test
        void includeOfADeviceIsRefusedAsInHttpd() {
            ConfigError e = parseError("Listen 80\nInclude /dev/zero\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("/dev/zero").contains("not a regular file");
            assertThat(only(parse("Include /dev/null\nListen 80\n")).name()).isEqualTo("Listen");
        }

        @Test
        void missingMainFileIsAnError() {
            ConfigError e = parseError(dir.resolve("nope.conf"), options());
            assertThat(e.location().file()).isEqualTo(dir.resolve("nope.conf"));
            assertThat(e.message()).contains("No such file");
        }

        @Test
        void includeLoopIsAnErrorNotAStackOverflow() {
            files.write("a.conf", "Listen 1\nInclude b.conf\n");
            files.write("b.conf", "Listen 2\nInclude a.conf\n");
            ConfigError e = parseError(dir.resolve("a.conf"), options());
            assertThat(e.location()).isEqualTo(new Location(dir.resolve("b.conf"), 2));
            assertThat(e.message()).contains("include it into itself");
        }

        @Test
        void selfIncludeThroughAGlobIsAnError() {
            files.write("conf.d/a.conf", "Include conf.d/*.conf\n");
            ConfigError e = parseError("Include conf.d/*.conf\n");
            assertThat(e.location().file()).isEqualTo(dir.resolve("conf.d/a.conf"));
        }

        @Test
        void errorsInsideIncludedFilesPointThere() {
            files.write("conf.d/site.conf", """
                    # site

                    <VirtualHost *:443>
                        ServerName a.example
                    """);
            ConfigError e = parseError("Listen 80\nInclude conf.d/site.conf\n");
            assertThat(e.location()).isEqualTo(new Location(dir.resolve("conf.d/site.conf"), 3));
        }

        @Test
        void sectionsMayNotSpanFiles() {
            files.write("open.conf", "<VirtualHost *:80>\n");
            ConfigError e = parseError("Include open.conf\n</VirtualHost>\n");
            assertThat(e.location().file()).isEqualTo(dir.resolve("open.conf"));
        }

        @Test
        void includeInsideASectionAddsChildren() {
            files.write("vhost-body.conf", "ServerName a.example\n");
            Directive vhost = only(parse("<VirtualHost *:443>\n  Include vhost-body.conf\n</VirtualHost>\n"));
            assertThat(names(vhost.children())).containsExactly("ServerName");
        }

        @Test
        void serverRootChangesWhereLaterIncludesResolve() {
            files.write("x.conf", "Listen 1\n");
            files.write("other/x.conf", "Listen 2\n");
            ParsedConfig parsed = parse("""
                    Include x.conf
                    ServerRoot other
                    Include x.conf
                    """);
            assertThat(names(parsed.directives())).containsExactly("Listen", "ServerRoot", "Listen");
            assertThat(parsed.directives().get(2).args()).containsExactly("2");
            assertThat(parsed.serverRoot()).isEqualTo(dir.resolve("other"));
        }

        @Test
        void serverRootMustBeADirectory() {
            ConfigError e = parseError("ServerRoot /nonexistent/really\n");
            assertThat(e.location().line()).isEqualTo(1);
            assertThat(e.message()).contains("ServerRoot must be a valid directory");
        }

        @Test
        void includeArity() {
            ConfigError e = parseError("Include a.conf b.conf\n");
            assertThat(e.message()).startsWith("Include takes one argument");
        }
    }

    // ------------------------------------------------------------------ conditions

    @Nested
    class Conditionals {

        @Test
        void ifModuleForProvidedModules() {
            ParsedConfig parsed = parse("""
                    <IfModule md_module>
                        Listen 1
                    </IfModule>
                    <IfModule mod_ssl.c>
                        Listen 2
                    </IfModule>
                    <IfModule ssl_module>
                        Listen 3
                    </IfModule>
                    <IfModule !mod_foo.c>
                        Listen 4
                    </IfModule>
                    <IfModule !md_module>
                        Listen 5
                    </IfModule>
                    """);
            assertThat(parsed.directives()).extracting(d -> d.args().get(0))
                    .containsExactly("1", "2", "3", "4");
        }

        @Test
        void falseIfModuleContentIsSkippedUnread() {
            ParsedConfig parsed = parse("""
                    <IfModule mod_rewrite.c>
                        RewriteEngine on
                        RewriteRule "^/old(.*  /new$1 [R
                        <Whatever
                        </NotMatching>
                    </IfModule>
                    Listen 80
                    """);
            assertThat(names(parsed.directives())).containsExactly("Listen");
            assertThat(parsed.directives().get(0).location().line()).isEqualTo(7);
        }

        @Test
        void nestedSameNameIfModuleInsideAFalseOne() {
            ParsedConfig parsed = parse("""
                    <IfModule mod_rewrite.c>
                        <IfModule md_module>
                            Listen 1
                        </IfModule>
                        Listen 2
                    </IfModule>
                    Listen 3
                    """);
            assertThat(parsed.directives()).extracting(d -> d.args().get(0)).containsExactly("3");
        }

        @Test
        void unclosedFalseSectionIsAnErrorAtItsStart() {
            ConfigError e = parseError("Listen 80\n<IfModule mod_rewrite.c>\nRewriteEngine on\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("<IfModule> was not closed");
        }

        @Test
        void conditionNeedsOneArgument() {
            ConfigError e = parseError("<IfModule a b>\n</IfModule>\n");
            assertThat(e.message()).contains("takes exactly one argument");
            ConfigError e2 = parseError("<IfDefine !>\n</IfDefine>\n");
            assertThat(e2.message()).contains("needs a name");
        }

        @Test
        void ifDefineWithCommandLineDefine() {
            Path file = files.write("httpd.conf", """
                    <IfDefine SSL>
                        Listen 443
                    </IfDefine>
                    <IfDefine !SSL>
                        Listen 80
                    </IfDefine>
                    """);
            assertThat(only(parse(file, options().withDefine("SSL", ""))).args()).containsExactly("443");
            assertThat(only(parse(file, options())).args()).containsExactly("80");
        }

        @Test
        void ifDefineWithDefineAndUnDefine() {
            ParsedConfig parsed = parse("""
                    Define PROD
                    <IfDefine PROD>
                        Listen 1
                    </IfDefine>
                    UnDefine PROD
                    <IfDefine PROD>
                        Listen 2
                    </IfDefine>
                    <IfDefine !PROD>
                        Listen 3
                    </IfDefine>
                    """);
            assertThat(parsed.directives()).extracting(d -> d.args().get(0)).containsExactly("1", "3");
        }

        @Test
        void ifFileIsServerRootRelative() {
            files.write("present.txt", "x");
            ParsedConfig parsed = parse("""
                    <IfFile present.txt>
                        Listen 1
                    </IfFile>
                    <IfFile absent.txt>
                        Listen 2
                    </IfFile>
                    <IfFile !absent.txt>
                        Listen 3
                    </IfFile>
                    """);
            assertThat(parsed.directives()).extracting(d -> d.args().get(0)).containsExactly("1", "3");
        }

        @Test
        void ifDirectiveAndIfSection() {
            ParsedConfig parsed = parse("""
                    <IfDirective MDomain>
                        Listen 1
                    </IfDirective>
                    <IfDirective Nope>
                        Listen 2
                    </IfDirective>
                    <IfDirective !Nope>
                        Listen 3
                    </IfDirective>
                    <IfSection VirtualHost>
                        Listen 4
                    </IfSection>
                    <IfSection Nope>
                        Listen 5
                    </IfSection>
                    """);
            assertThat(parsed.directives()).extracting(d -> d.args().get(0))
                    .containsExactly("1", "3", "4");
        }

        @Test
        void conditionsDoNotAppearInTheTreeButTheirContentDoes() {
            Directive vhost = only(parse("""
                    <VirtualHost *:443>
                        <IfModule ssl_module>
                            SSLEngine on
                        </IfModule>
                    </VirtualHost>
                    """));
            assertThat(names(vhost.children())).containsExactly("SSLEngine");
            assertThat(vhost.children().get(0).location().line()).isEqualTo(3);
        }
    }

    // ------------------------------------------------------------------ variables

    @Nested
    class Variables {

        @Test
        void variablesFromDefineAndEnvironment() {
            Path file = files.write("httpd.conf", """
                    Define DOMAIN example.org
                    MDomain ${DOMAIN} www.${DOMAIN}
                    MDContactEmail ${ADMIN}
                    """);
            ParsedConfig parsed = parse(file, options().withEnvironment(Map.of("ADMIN", "a@example.org")));
            assertThat(names(parsed.directives())).containsExactly("MDomain", "MDContactEmail");
            assertThat(parsed.directives().get(0).args()).containsExactly("example.org", "www.example.org");
            assertThat(parsed.directives().get(1).args()).containsExactly("a@example.org");
            assertThat(parsed.warnings()).isEmpty();
        }

        @Test
        void commandLineDefineWithValue() {
            Path file = files.write("httpd.conf", "Listen ${PORT}\n");
            assertThat(only(parse(file, options().withDefine("PORT", "8443"))).args())
                    .containsExactly("8443");
        }

        @Test
        void defineWinsOverEnvironment() {
            Path file = files.write("httpd.conf", "Define X fromdefine\nListen ${X}\n");
            assertThat(only(parse(file, options().withEnvironment(Map.of("X", "fromenv")))).args())
                    .containsExactly("fromdefine");
        }

        @Test
        void undefinedVariableWarningHasLocation() {
            ParsedConfig parsed = parse("Listen 80\n\nServerName ${NOPE}.example\n");
            assertThat(parsed.directives().get(1).args()).containsExactly("${NOPE}.example");
            assertThat(parsed.warnings()).hasSize(1);
            ConfigError w = parsed.warnings().get(0);
            assertThat(w.location()).isEqualTo(new Location(dir.resolve("httpd.conf"), 3));
            assertThat(w.message()).contains("${NOPE}").contains("not defined");
        }

        @Test
        void variableInsideQuotesAndSectionArgs() {
            ParsedConfig parsed = parse("""
                    Define HOST a.example
                    <VirtualHost "${HOST}:443">
                        ServerName "${HOST}"
                    </VirtualHost>
                    """);
            Directive vhost = only(parsed);
            assertThat(vhost.args()).containsExactly("a.example:443");
            assertThat(vhost.children().get(0).args()).containsExactly("a.example");
        }

        @Test
        void substitutionLongerThanALineIsAnErrorNotAnOutOfMemoryError() {
            String chain = "${A}".repeat(1000);
            ConfigError e = parseError("Define A " + "a".repeat(60_000) + "\n"
                    + "Define B " + chain + "\n"
                    + "Define C " + chain.replace('A', 'B') + "\n"
                    + "Listen ${C}\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("longer than");
            ConfigError e2 = parseError("Define A " + "a".repeat(40_000) + "\nListen ${A}${A}\n");
            assertThat(e2.location().line()).isEqualTo(2);
        }

        @Test
        void defineNameWithColonIsAnError() {
            ConfigError e = parseError("Listen 80\nDefine a:b value\n");
            assertThat(e.location().line()).isEqualTo(2);
            assertThat(e.message()).contains("must not contain ':'");
        }

        @Test
        void defineArity() {
            ConfigError e = parseError("Define\n");
            assertThat(e.message()).startsWith("Define takes 1-2 arguments");
        }

        @Test
        void undefineRemovesTheVariable() {
            ParsedConfig parsed = parse("Define P 81\nUnDefine P\nListen ${P}\n");
            assertThat(only(parsed).args()).containsExactly("${P}");
            assertThat(parsed.warnings()).hasSize(1);
        }
    }

    // ------------------------------------------------------------------ through ConfigReader

    @Nested
    class Reading {

        @Test
        void loadModuleIsAcceptedAndIgnored() {
            Path file = files.write("httpd.conf", """
                    LoadModule md_module modules/mod_md.so
                    LoadModule ssl_module modules/mod_ssl.so
                    Listen 443
                    MDomain example.org
                    """);
            Configuration config = ConfigReader.read(file, options());
            assertThat(config).isNotNull();
        }

        @Test
        void unknownDirectiveIsInvalidCommand() {
            Path file = files.write("httpd.conf", "Listen 80\nFooBar baz\n");
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigReader.read(file, options()));
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).toString()).isEqualTo(file + ":2: Invalid command 'FooBar',"
                    + " perhaps misspelled or defined by a module not included in the server configuration");
        }

        @Test
        void allDirectiveErrorsAreCollected() {
            Path file = files.write("httpd.conf", """
                    Listen 80
                    FooBar baz
                    MDRenewWindow
                    MDRenewMode manual # comment
                    """);
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigReader.read(file, options()));
            assertThat(e.errors()).extracting(err -> err.location().line()).containsExactly(2, 3, 4);
            assertThat(e.errors().get(1).message()).startsWith("MDRenewWindow takes one argument, ");
            assertThat(e.errors().get(2).message()).startsWith("MDRenewMode takes one argument, ");
        }

        @Test
        void requireIpWithAHexLookingNameIsRefusedWithoutAskingTheDns() {
            for (String host : List.of("cafe", "dead.beef", "1e9", "999.1.1.1", "1.2.3.4.5")) {
                Path file = files.write("httpd.conf", """
                        Listen 80
                        <VirtualHost *:80>
                            ServerName a.example
                            <Location "/md-status">
                                SetHandler md-status
                                Require ip %s
                            </Location>
                        </VirtualHost>
                        """.formatted(host));
                ConfigException e = catchThrowableOfType(ConfigException.class,
                        () -> ConfigReader.read(file, options()));
                assertThat(e).as(host).isNotNull();
                assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.location().line()).isEqualTo(6);
                    assertThat(err.message()).contains("'" + host + "' is not an IP address");
                });
            }
        }

        @Test
        void requireIpLiterals() {
            Path file = files.write("httpd.conf", """
                    Listen 80
                    <VirtualHost *:80>
                        ServerName a.example
                        <Location "/md-status">
                            SetHandler md-status
                            Require ip 127.0.0.1 10.0.0.0/8 ::1 2001:db8::/32
                        </Location>
                    </VirtualHost>
                    """);
            assertThat(ConfigReader.read(file, options())).isNotNull();
        }

        @Test
        void falseIfModuleHidesUnknownDirectivesFromTheReader() {
            Path file = files.write("httpd.conf", """
                    <IfModule mod_rewrite.c>
                        RewriteEngine on
                    </IfModule>
                    Listen 80
                    """);
            assertThat(ConfigReader.read(file, options())).isNotNull();
        }

        @Test
        void structuralErrorsEscapeAsConfigException() {
            Path file = files.write("httpd.conf", "<VirtualHost *:80>\n");
            assertThatThrownBy(() -> ConfigReader.read(file, options()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(file + ":1: <VirtualHost> was not closed.");
        }
    }
}
