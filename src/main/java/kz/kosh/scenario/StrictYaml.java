package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The strict YAML reader of every YAML file Kosh reads (scenarios, experiments, calibration,
 * targets, patterns, and the files of newer commands): the size is checked before parsing
 * (at most {@value #MAX_FILE_BYTES} bytes); the text must be UTF-8 without NUL characters;
 * one document holding one non-empty mapping; no anchors or aliases; no duplicate keys; a
 * syntax error is reported with its line and column, never with the parser's source excerpt or
 * an exception name. Every problem names the file. What the fields mean is checked by the
 * file's own reader with {@link Fields} (unknown keys, types, ranges, all in one pass).
 */
public final class StrictYaml {
    /** Largest YAML input file. */
    public static final long MAX_FILE_BYTES = 1_000_000;
    /** Duplicate keys are refused (Jackson would silently keep the last one). */
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLMapper YAML = MAPPER;

    private StrictYaml() {
    }

    /**
     * Reads {@code file} as a mapping, throwing a {@link ScenarioException} with every problem
     * (each naming the file) when it cannot; {@code kind} names the file's kind in messages
     * ("calibration", "targets", ...).
     */
    public static ObjectNode readOrThrow(Path file, String kind) {
        List<String> problems = new java.util.ArrayList<>();
        ObjectNode n = read(file, problems, kind);
        if (n == null || !problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return n;
    }

    /**
     * Reads one scenario file as a mapping, or records why not (null then). The size is checked
     * before parsing; empty files, several YAML documents, anchors and aliases, duplicate keys
     * and syntax errors are refused with the line. Messages never quote the file's text beyond
     * a key or a value cut to {@link Fields#MAX_QUOTED} characters.
     */
    public static ObjectNode read(Path file, List<String> problems, String kind) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(file + ": file is " + size + " bytes; a scenario file may have at most " + MAX_FILE_BYTES
                        + " bytes (1 MB)");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(file + ": cannot read the file (" + ioReason(e) + ")");
            return null;
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(file + ": not UTF-8 text; a scenario file is YAML in UTF-8");
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            problems.add(file + ": holds NUL characters; a scenario file is YAML text");
            return null;
        }
        // anchors (&a) on any node and aliases (*a): Jackson reports only some of them, SnakeYAML's events all
        Integer anchorLine = anchorLine(text);
        if (anchorLine != null) {
            problems.add(file + ": line " + anchorLine + ": " + ANCHORS);
            return null;
        }
        // one streaming pass for what readTree would silently accept or turn into a confusing type error
        try (com.fasterxml.jackson.core.JsonParser p = YAML.getFactory().createParser(text)) {
            com.fasterxml.jackson.dataformat.yaml.YAMLParser yp = (com.fasterxml.jackson.dataformat.yaml.YAMLParser) p;
            int depth = 0;
            boolean sawValue = false;
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (sawValue && depth == 0) {
                    problems.add(file + ": line " + p.currentLocation().getLineNr()
                            + ": a second YAML document (---); a " + kind + " file holds one mapping of fields");
                    return null;
                }
                if (yp.isCurrentAlias() || yp.getObjectId() != null) {
                    problems.add(file + ": line " + p.currentLocation().getLineNr() + (p.currentName() != null
                            ? " (" + Fields.cut(p.currentName()) + ")" : "") + ": " + ANCHORS);
                    return null;
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    sawValue = true;
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(file + ": " + yamlError(e));
            return null;
        } catch (IOException e) {
            problems.add(file + ": cannot read the file (" + ioReason(e) + ")");
            return null;
        }
        JsonNode n;
        try {
            n = YAML.readTree(text);
        } catch (IOException e) {
            problems.add(file + ": " + yamlError(e));
            return null;
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            problems.add(file + ": no fields: the file is empty or holds only comments; a scenario names at least "
                    + "one field (e.g. name: or extends:)");
            return null;
        }
        if (!n.isObject()) {
            // no value quoted: the file may not be a scenario at all
            problems.add(file + ": (top level): expected a mapping of fields (key: value lines), found "
                    + (n.isArray() ? "a list" : n.isTextual() ? "text" : "a single " + n.getNodeType().name().toLowerCase()));
            return null;
        }
        if (n.isEmpty()) {
            problems.add(file + ": no fields: the file holds an empty mapping; a scenario names at least one field");
            return null;
        }
        return (ObjectNode) n;
    }

    private static final String ANCHORS = "YAML anchors (&name) and aliases (*name) are not supported; "
            + "write the values out, or share them with extends:";

    /** The line of the first anchor or alias, or null (also when the text is not valid YAML: reported later). */
    private static Integer anchorLine(String text) {
        try {
            org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.AliasEvent
                        || e instanceof org.yaml.snakeyaml.events.NodeEvent ne && ne.getAnchor() != null) {
                    return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
                }
            }
        } catch (RuntimeException e) {
            // a syntax error: the Jackson pass reports it with its line
        }
        return null;
    }

    /** A YAML syntax error as "line L, column C: what" without the source excerpt parsers like to add. */
    private static String yamlError(IOException e) {
        String what = null;
        com.fasterxml.jackson.core.JsonLocation loc = null;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
            loc = jpe.getLocation();
            what = jpe.getOriginalMessage();
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                    what = m.getProblem();
                    if (m.getProblemMark() != null) {
                        loc = new com.fasterxml.jackson.core.JsonLocation(null, -1, m.getProblemMark().getLine() + 1,
                                m.getProblemMark().getColumn() + 1);
                    }
                }
            }
        }
        if (what == null) {
            what = String.valueOf(e.getMessage());
        }
        if (what.startsWith("Duplicate field")) {
            what = "duplicate key " + what.substring("Duplicate field".length()).trim() + "; each key may appear once in a mapping";
        }
        int nl = what.indexOf('\n');
        what = Fields.cut(nl < 0 ? what : what.substring(0, nl));
        String at = loc != null && loc.getLineNr() > 0 ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " : "";
        return "not valid YAML: " + at + what;
    }

    static String ioReason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : Fields.cut(String.valueOf(e.getMessage()));
    }
}
