package io.github.opsbaseline.monitoring.alarm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A composite-alarm rule as people write it: alarm names joined by {@code AND}, {@code OR},
 * {@code NOT} and parentheses ({@code NOT} binds tightest, then {@code AND}, then {@code OR}).
 * {@link #toAlarmRule} renders CloudWatch's syntax, {@code ALARM("name") AND NOT ALARM("other")}.
 */
public final class AlarmExpression {

    /**
     * How deep parentheses and NOTs may nest. People write a few levels; the parser recurses once
     * per level, so a limit keeps a pathological rule (thousands of "(") a message, not a stack
     * overflow.
     */
    public static final int MAX_NESTING = 50;

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9][A-Za-z0-9_.-]*)");

    /** A rule that does not parse: the message says where and what was expected. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private sealed interface Node permits Name, Not, Binary { }

    private record Name(String name) implements Node { }

    private record Not(Node operand) implements Node { }

    private record Binary(String operator, Node left, Node right) implements Node { }

    private record Token(String text, int position) { }

    private final Node root;
    private final Set<String> names = new LinkedHashSet<>();

    private AlarmExpression(Node root) {
        this.root = root;
        collect(root);
    }

    /** Parses {@code text}; throws {@link SyntaxError} with the position of the first problem. */
    public static AlarmExpression parse(String text) throws SyntaxError {
        List<Token> tokens = tokenize(text);
        Parser p = new Parser(tokens, text.length());
        Node node = p.or();
        if (p.pos < tokens.size()) {
            throw new SyntaxError("syntax error at character " + (tokens.get(p.pos).position() + 1)
                    + ": expected AND, OR or the end, found " + quote(tokens.get(p.pos).text()));
        }
        return new AlarmExpression(node);
    }

    /** The distinct alarm names, in order of first use. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** CloudWatch's rule syntax, each name mapped by {@code fullName} (e.g. adding the prefix). */
    public String toAlarmRule(UnaryOperator<String> fullName) {
        return render(root, fullName, false);
    }

    private static String render(Node node, UnaryOperator<String> fullName, boolean nested) {
        if (node instanceof Name n) {
            return "ALARM(\"" + fullName.apply(n.name()) + "\")";
        }
        if (node instanceof Not n) {
            return "NOT " + render(n.operand(), fullName, true);
        }
        Binary b = (Binary) node;
        String text = render(b.left(), fullName, true) + " " + b.operator() + " " + render(b.right(), fullName, true);
        return nested ? "(" + text + ")" : text;
    }

    private void collect(Node node) {
        if (node instanceof Name n) {
            names.add(n.name());
        } else if (node instanceof Not n) {
            collect(n.operand());
        } else if (node instanceof Binary b) {
            collect(b.left());
            collect(b.right());
        }
    }

    private static List<Token> tokenize(String text) throws SyntaxError {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (true) {
            // skipped here, not by copying the rest of the text per token (quadratic in the rule's length)
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                break;
            }
            m.region(at, text.length());
            if (!m.lookingAt()) {
                throw new SyntaxError("syntax error at character " + (at + 1) + ": unexpected "
                        + quote(String.valueOf(text.charAt(at))));
            }
            tokens.add(new Token(m.group(1), m.start(1)));
            at = m.end();
        }
        return tokens;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static boolean keyword(String text) {
        return text.equals("AND") || text.equals("OR") || text.equals("NOT");
    }

    /** Recursive descent: or := and (OR and)*; and := unary (AND unary)*; unary := NOT unary | ( or ) | name. */
    private static final class Parser {
        private final List<Token> tokens;
        private final int end;
        private int pos;
        private int depth;

        Parser(List<Token> tokens, int end) {
            this.tokens = tokens;
            this.end = end;
        }

        Node or() throws SyntaxError {
            Node left = and();
            while (peek("OR")) {
                pos++;
                left = new Binary("OR", left, and());
            }
            return left;
        }

        Node and() throws SyntaxError {
            Node left = unary();
            while (peek("AND")) {
                pos++;
                left = new Binary("AND", left, unary());
            }
            return left;
        }

        Node unary() throws SyntaxError {
            if (pos >= tokens.size()) {
                throw new SyntaxError("syntax error at character " + (end + 1)
                        + ": expected an alarm name, NOT or \"(\", found the end");
            }
            Token t = tokens.get(pos);
            if ((t.text().equals("NOT") || t.text().equals("(")) && ++depth > MAX_NESTING) {
                throw new SyntaxError("syntax error at character " + (t.position() + 1) + ": parentheses and NOTs"
                        + " nested deeper than " + MAX_NESTING + " levels");
            }
            if (t.text().equals("NOT")) {
                pos++;
                Node operand = unary();
                depth--;
                return new Not(operand);
            }
            if (t.text().equals("(")) {
                pos++;
                Node inner = or();
                if (pos >= tokens.size() || !tokens.get(pos).text().equals(")")) {
                    String found = pos >= tokens.size() ? "the end" : quote(tokens.get(pos).text());
                    int at = pos >= tokens.size() ? end : tokens.get(pos).position();
                    throw new SyntaxError("syntax error at character " + (at + 1) + ": expected \")\", found " + found);
                }
                pos++;
                depth--;
                return inner;
            }
            if (t.text().equals(")") || keyword(t.text())) {
                throw new SyntaxError("syntax error at character " + (t.position() + 1)
                        + ": expected an alarm name, NOT or \"(\", found " + quote(t.text()));
            }
            pos++;
            return new Name(t.text());
        }

        private boolean peek(String keyword) {
            return pos < tokens.size() && tokens.get(pos).text().equals(keyword);
        }
    }
}
