package org.smartcontainer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The patients of the store benchmark: patient 0-58 are the 59 upstream sample patients ({@code p<record_id>.xml}
 * in {@code ../shared/sample-patients}, read at run time, never copied), patient i from 59 on a clone of upstream
 * patient {@code i % 59} with the record id {@code 4} followed by i in six digits (no upstream id starts with 4),
 * which also replaces the upstream id inside the document (the record's identifier and title). Blank nodes get
 * fresh labels at every import, so a clone shares nothing with its original but the codes.
 */
final class PatientClones {

    /** One upstream patient: its record id and RDF/XML text. */
    record Template(String recordId, String rdfXml) {
    }

    /** One patient to import: the record id, the upstream patient it copies, the RDF/XML bytes. */
    record Patient(String recordId, Template template, byte[] rdfXml) {
    }

    private final List<Template> templates;

    private PatientClones(List<Template> templates) {
        this.templates = templates;
    }

    /** The upstream patients in {@code dir}, ordered by record id. */
    static PatientClones read(Path dir) throws IOException {
        List<Template> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("p\\d+\\.xml")).sorted().toList()) {
                String name = f.getFileName().toString();
                templates.add(new Template(name.substring(1, name.length() - 4), Files.readString(f)));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("No p<record_id>.xml in " + dir);
        }
        return new PatientClones(templates);
    }

    int templateCount() {
        return templates.size();
    }

    List<Template> templates() {
        return templates;
    }

    /** The record id of patient {@code i}. */
    String recordId(int i) {
        return i < templates.size() ? templates.get(i).recordId() : String.format("4%06d", i);
    }

    /** The upstream patient that patient {@code i} copies. */
    Template templateOf(int i) {
        return templates.get(i % templates.size());
    }

    /** Patient {@code i}: an upstream patient itself, or a clone with its own record id. */
    Patient patient(int i) {
        Template t = templateOf(i);
        String id = recordId(i);
        String text = id.equals(t.recordId()) ? t.rdfXml()
                : Pattern.compile("(?<=[> ])" + t.recordId() + "(?=<)").matcher(t.rdfXml())
                        .replaceAll(Matcher.quoteReplacement(id));
        return new Patient(id, t, text.getBytes(StandardCharsets.UTF_8));
    }
}
