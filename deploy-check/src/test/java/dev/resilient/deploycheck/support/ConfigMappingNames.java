package dev.resilient.deploycheck.support;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment-variable forms of the keys a {@code @ConfigMapping} interface declares, read from
 * its source: nested groups ({@code Redis redis()} with {@code interface Redis}) add their accessor
 * to the prefix ({@code BACKEND_CACHE_REDIS_ENABLED}), {@code @WithName} renames a key,
 * {@code @WithParentName} keeps the parent's, and a map's key segment is written {@code *}
 * ({@code AUTH_USERS_*_PASSWORD}).
 *
 * <p>Source text rather than the compiled interfaces: deploy-check depends on no service module (it
 * checks files), and the mapping's names are all in the declaration.
 */
public final class ConfigMappingNames {

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern ACCESSOR = Pattern.compile("^(.*?)\\b(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)(?:\\(\\s*(?:\"([^\"]*)\")?[^)]*\\))?");
    private static final Pattern WRAPPER = Pattern.compile("^(?:java\\.util\\.)?(?:Optional|List|Set|Collection)<(.+)>$");
    private static final Pattern MAP = Pattern.compile("^(?:java\\.util\\.)?Map<[^,]+,(.+)>$");

    private ConfigMappingNames() {
    }

    /** The env names of the mapping declared in {@code source}, or none when it declares no mapping. */
    public static Set<String> of(String source) {
        String code = withoutComments(source);
        Matcher mapping = CONFIG_MAPPING.matcher(code);
        Set<String> names = new LinkedHashSet<>();
        if (!mapping.find()) {
            return names;
        }
        Map<String, String> bodies = new HashMap<>();
        String top = null;
        Matcher i = INTERFACE.matcher(code);
        while (i.find()) {
            bodies.put(i.group(1), body(code, i.end()));
            if (top == null && i.start() > mapping.start()) {
                top = i.group(1);
            }
        }
        if (top != null) {
            collect(envForm(mapping.group(1)), bodies.get(top), bodies, names, 0);
        }
        return names;
    }

    /** Whether {@code name} is one of {@code names}, a {@code *} standing for one or more segments of a map key. */
    public static boolean matches(Set<String> names, String name) {
        if (names.contains(name)) {
            return true;
        }
        for (String n : names) {
            if (n.contains("*") && name.matches(Pattern.quote(n).replace("*", "\\E[A-Z0-9_]+\\Q"))) {
                return true;
            }
        }
        return false;
    }

    private static void collect(String prefix, String body, Map<String, String> bodies, Set<String> names, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("config groups nested deeper than 10 under " + prefix);
        }
        for (String declaration : topLevel(body).split(";")) {
            Matcher m = ACCESSOR.matcher(declaration.trim());
            if (!m.matches()) {
                continue;
            }
            String head = m.group(1);
            String name = kebab(m.group(2));
            boolean parentName = false;
            Matcher a = ANNOTATION.matcher(head);
            while (a.find()) {
                if (a.group(1).equals("WithName") && a.group(2) != null) {
                    name = a.group(2);
                } else if (a.group(1).equals("WithParentName")) {
                    parentName = true;
                }
            }
            String type = ANNOTATION.matcher(head).replaceAll(" ").trim();
            if (type.matches("(?s).*\\b(default|static)\\b.*")) {
                continue;
            }
            type = type.replaceAll("\\s+", "");
            String key = parentName ? prefix : prefix + "_" + envForm(name);
            Matcher map = MAP.matcher(type);
            if (map.matches()) {
                key = key + "_*";
                type = map.group(1);
            }
            Matcher wrapper = WRAPPER.matcher(type);
            if (wrapper.matches()) {
                type = wrapper.group(1);
            }
            if (bodies.containsKey(type)) {
                collect(key, bodies.get(type), bodies, names, depth + 1);
            } else {
                names.add(key);
            }
        }
    }

    /** The text from {@code start} to the brace that closes the one just before it. */
    private static String body(String code, int start) {
        int depth = 1;
        for (int k = start; k < code.length(); k++) {
            char c = code.charAt(k);
            if (c == '"') {
                k = code.indexOf('"', k + 1);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(start, k);
            }
        }
        throw new IllegalStateException("unbalanced braces in a @ConfigMapping source");
    }

    /** A body with every nested block (a nested interface, a default method's body) replaced by {@code ;}. */
    private static String topLevel(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '"') {
                int end = body.indexOf('"', k + 1);
                if (depth == 0) {
                    out.append(body, k, end + 1);
                }
                k = end;
            } else if (c == '{') {
                if (depth++ == 0) {
                    out.append(';');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The source without its comments; string literals (which may hold {@code //}) kept as they are. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < source.length(); k++) {
            char c = source.charAt(k);
            if (c == '"') {
                int end = k + 1;
                while (end < source.length() && source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(source, k, Math.min(end + 1, source.length()));
                k = end;
            } else if (source.startsWith("//", k)) {
                k = source.indexOf('\n', k) < 0 ? source.length() : source.indexOf('\n', k) - 1;
            } else if (source.startsWith("/*", k)) {
                int end = source.indexOf("*/", k + 2);
                k = end < 0 ? source.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code data-dir} -> {@code DATA_DIR}, {@code backend.jobs} -> {@code BACKEND_JOBS}. */
    public static String envForm(String key) {
        return key.replaceAll("[^A-Za-z0-9*]", "_").toUpperCase(Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
