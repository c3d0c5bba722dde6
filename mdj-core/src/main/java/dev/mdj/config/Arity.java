package dev.mdj.config;

import java.util.List;

/**
 * How many arguments a directive takes, checked before its handler runs, with httpd's messages
 * for a wrong count ({@code "X takes one argument, <help>"}).
 */
public enum Arity {
    NO_ARGS(0, 0, "takes no arguments"),
    TAKE1(1, 1, "takes one argument"),
    TAKE2(2, 2, "takes two arguments"),
    TAKE12(1, 2, "takes 1-2 arguments"),
    TAKE23(2, 3, "takes two or three arguments"),
    TAKE123(1, 3, "takes one, two or three arguments"),
    /** On or Off, as httpd's FLAG. */
    FLAG(1, 1, "must be On or Off"),
    /** One or more. */
    ITERATE(1, Integer.MAX_VALUE, "requires at least one argument"),
    /** Any number, including none; the handler decides. */
    ANY(0, Integer.MAX_VALUE, "");

    private final int min;
    private final int max;
    private final String rule;

    Arity(int min, int max, String rule) {
        this.min = min;
        this.max = max;
        this.rule = rule;
    }

    /** The error for {@code args}, or null when their count is right. */
    String check(String name, String help, List<String> args) {
        if (this == FLAG) {
            boolean flag = args.size() == 1
                    && (args.get(0).equalsIgnoreCase("on") || args.get(0).equalsIgnoreCase("off"));
            return flag ? null : name + " " + rule;
        }
        if (args.size() >= min && args.size() <= max) {
            return null;
        }
        return this == NO_ARGS ? name + " " + rule : name + " " + rule + ", " + help;
    }

    /** The rule in words, for the directive reference. */
    public String describe() {
        return rule.isEmpty() ? "any number of arguments" : rule;
    }
}
