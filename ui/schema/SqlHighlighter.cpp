#include "SqlHighlighter.h"

#include <QSet>

namespace tw::ui {

namespace {

enum State { Normal = -1, InComment = 1, InString = 2, InIdentifier = 3, InDollar = 4 };

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        const char *list[] = {
            "ADD", "ALL", "ALTER", "ALWAYS", "AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "AFTER",
            "BEGIN", "BETWEEN", "BIGINT", "BOOLEAN", "BY", "CASCADE", "CASE", "CHECK", "COLLATE", "COLUMN",
            "COMMENT", "CONSTRAINT", "CREATE", "CYCLE", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE",
            "DESC", "DISTINCT", "DOMAIN", "DROP", "EACH", "ELSE", "END", "ENUM", "EXCLUDE", "EXECUTE", "EXISTS",
            "EXTENSION", "FOR", "FOREIGN", "FROM", "FUNCTION", "GENERATED", "GROUP", "HAVING", "IDENTITY", "IF",
            "IMMEDIATE", "IMMUTABLE", "IN", "INCLUDE", "INCREMENT", "INDEX", "INHERITS", "INITIALLY", "INSERT",
            "INSTEAD", "INTEGER", "INTO", "IS", "JOIN", "KEY", "LANGUAGE", "LEFT", "LIKE", "LIMIT", "MATERIALIZED",
            "MAXVALUE", "MINVALUE", "NO", "NOT", "NULL", "OF", "OFFSET", "ON", "OR", "ORDER", "OWNED", "OWNER",
            "PARTITION", "PRIMARY", "PROCEDURE", "RANGE", "REAL", "REFERENCES", "REPLACE", "RESTRICT", "RETURNS",
            "ROW", "ROWID", "SCHEMA", "SELECT", "SEQUENCE", "SERVER", "SET", "STABLE", "START", "STATEMENT",
            "STORED", "STRICT", "TABLE", "TEXT", "THEN", "TO", "TRIGGER", "TYPE", "UNION", "UNIQUE", "UNLOGGED",
            "UPDATE", "USING", "VALUES", "VARCHAR", "VIEW", "VIRTUAL", "VOLATILE", "WHEN", "WHERE", "WITH",
            "WITHOUT", "ACTION", "MATCH", "FULL", "SIMPLE", "TRUE", "FALSE", "WITHIN", "OPTIONS", "DATA", "WRAPPER",
        };
        QSet<QString> set;
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *parent)
    : QSyntaxHighlighter(parent)
{
    m_keyword.setForeground(QColor(0x1f, 0x4e, 0x9c));
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_identifier.setForeground(QColor(0x8e, 0x44, 0xad));
    m_number.setForeground(QColor(0xb3, 0x58, 0x00));
    m_comment.setForeground(QColor(0x75, 0x75, 0x75));
    m_comment.setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    int state = previousBlockState();

    // Ends a construct that spans lines: returns where it ended, or n.
    auto finish = [&](const QString &terminator, bool doubledEscapes, const QTextCharFormat &format, int kind) -> int {
        const qsizetype start = i;
        while (i < n) {
            if (text.mid(i, terminator.size()) == terminator) {
                if (doubledEscapes && text.mid(i + terminator.size(), terminator.size()) == terminator) {
                    i += 2 * terminator.size();
                    continue;
                }
                i += terminator.size();
                setFormat(start, i - start, format);
                return Normal;
            }
            ++i;
        }
        setFormat(start, n - start, format);
        return kind;
    };

    if (state == InComment)
        state = finish(QStringLiteral("*/"), false, m_comment, InComment);
    else if (state == InString)
        state = finish(QStringLiteral("'"), true, m_string, InString);
    else if (state == InIdentifier)
        state = finish(QStringLiteral("\""), true, m_identifier, InIdentifier);
    else if (state == InDollar)
        state = finish(QStringLiteral("$$"), false, m_string, InDollar);
    else
        state = Normal;

    while (i < n && state == Normal) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && text.at(i + 1) == QLatin1Char('-')) {
            setFormat(i, n - i, m_comment);
            i = n;
        } else if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            i += 2;
            const qsizetype start = i - 2;
            state = finish(QStringLiteral("*/"), false, m_comment, InComment);
            setFormat(start, 2, m_comment);
        } else if (c == QLatin1Char('\'')) {
            const qsizetype start = i++;
            state = finish(QStringLiteral("'"), true, m_string, InString);
            setFormat(start, 1, m_string);
        } else if (c == QLatin1Char('"')) {
            const qsizetype start = i++;
            state = finish(QStringLiteral("\""), true, m_identifier, InIdentifier);
            setFormat(start, 1, m_identifier);
        } else if (c == QLatin1Char('$') && i + 1 < n && text.at(i + 1) == QLatin1Char('$')) {
            const qsizetype start = i;
            i += 2;
            state = finish(QStringLiteral("$$"), false, m_string, InDollar);
            setFormat(start, 2, m_string);
        } else if (c.isDigit()) {
            const qsizetype start = i;
            while (i < n && (text.at(i).isDigit() || text.at(i) == QLatin1Char('.')))
                ++i;
            setFormat(start, i - start, m_number);
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n && isWordChar(text.at(i)))
                ++i;
            if (keywords().contains(text.mid(start, i - start).toUpper()))
                setFormat(start, i - start, m_keyword);
        } else {
            ++i;
        }
    }
    setCurrentBlockState(state);
}

} // namespace tw::ui
