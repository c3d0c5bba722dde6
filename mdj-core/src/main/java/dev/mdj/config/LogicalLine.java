package dev.mdj.config;

/** One logical configuration line (continuations joined, surrounding blanks trimmed). */
record LogicalLine(String text, Location location) {

    boolean isBlankOrComment() {
        return text.isEmpty() || text.charAt(0) == '#';
    }
}
