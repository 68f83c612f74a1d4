#include "StatementSplitter.h"

#include <QRegularExpression>

#include <sqlite3.h>

namespace tw::migrate {

namespace {

Error splitError(const QString &message, int line)
{
    return Error(ErrorCode::ValidationFailed, QStringLiteral("line %1: %2").arg(line).arg(message),
                 {{QStringLiteral("line"), line}});
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// One statement being collected: where it began, and its first words,
// which decide whether BEGIN/CASE … END nest (psql's rule: only in CREATE
// [OR REPLACE] FUNCTION|PROCEDURE, outside parentheses).
struct Pending
{
    int start = -1;          // offset of the first non-blank character
    int line = 1;
    QStringList words;       // the first four words, lower-case
    bool hasContent = false; // something other than comments and blanks
    int parens = 0;
    int blocks = 0;          // BEGIN … END depth (CASE counted inside BEGIN)

    void word(const QString &w)
    {
        if (words.size() < 4)
            words << w;
    }
    QString first() const { return words.value(0); }
    bool routineBody() const
    {
        const auto routine = [](const QString &w) { return w == u"function" || w == u"procedure"; };
        return first() == u"create"
               && (routine(words.value(1))
                   || (words.value(1) == u"or" && words.value(2) == u"replace" && routine(words.value(3))));
    }
};

// The dollar-quote tag at position i ("$$" or "$tag$"), empty when there is none.
QString dollarTag(const QString &s, int i)
{
    if (s.at(i) != u'$')
        return {};
    int j = i + 1;
    if (j < s.size() && (s.at(j).isDigit()))
        return {}; // $1 is a parameter
    while (j < s.size() && (s.at(j).isLetterOrNumber() || s.at(j) == u'_'))
        ++j;
    if (j < s.size() && s.at(j) == u'$')
        return s.mid(i, j - i + 1);
    return {};
}

} // namespace

Result<QList<ScriptStatement>> splitPostgresScript(const QString &s)
{
    QList<ScriptStatement> out;
    Pending p;
    int line = 1;
    auto finish = [&](int end) -> Status {
        if (p.hasContent) {
            const QString text = s.mid(p.start, end - p.start).trimmed();
            if (p.first() == u"copy") {
                static const QRegularExpression fromStdin(QStringLiteral(R"(\bfrom\s+stdin\b)"),
                                                          QRegularExpression::CaseInsensitiveOption);
                if (fromStdin.match(text).hasMatch())
                    return splitError(QStringLiteral("COPY … FROM STDIN cannot run from a script: its rows follow in "
                                                     "psql's own protocol. Use INSERT statements, or COPY … FROM a "
                                                     "server file"),
                                      p.line);
            }
            out << ScriptStatement{text, p.line, int(out.size()) + 1};
        }
        p = Pending();
        return {};
    };
    const int n = int(s.size());
    int i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (c == u'\n') {
            ++line;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // Comments do not start a statement.
        if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
            while (i < n && s.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
            const int startLine = line;
            int depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (s.at(i) == u'\n')
                    ++line;
                if (s.at(i) == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
                    ++depth;
                    i += 2;
                } else if (s.at(i) == u'*' && i + 1 < n && s.at(i + 1) == u'/') {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
            if (depth > 0)
                return splitError(QStringLiteral("the comment opened here is never closed"), startLine);
            continue;
        }
        if (p.start < 0) {
            p.start = i;
            p.line = line;
        }
        if (c == u';') {
            if (p.parens > 0 || p.blocks > 0) {
                ++i;
                continue;
            }
            if (Status ok = finish(i); !ok.ok())
                return ok.error();
            ++i;
            continue;
        }
        p.hasContent = true;
        if (c == u'\'' || ((c == u'e' || c == u'E') && i + 1 < n && s.at(i + 1) == u'\''
                           && (i == 0 || !isIdentChar(s.at(i - 1))))) {
            const bool escapes = c != u'\'';
            const int startLine = line;
            i += escapes ? 2 : 1;
            bool closed = false;
            while (i < n) {
                const QChar d = s.at(i);
                if (d == u'\n')
                    ++line;
                if (escapes && d == u'\\') {
                    if (i + 1 < n && s.at(i + 1) == u'\n')
                        ++line;
                    i += 2;
                    continue;
                }
                if (d == u'\'') {
                    if (i + 1 < n && s.at(i + 1) == u'\'') {
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                ++i;
            }
            if (!closed)
                return splitError(QStringLiteral("the string opened here is never closed"), startLine);
            continue;
        }
        if (c == u'"') {
            const int startLine = line;
            ++i;
            bool closed = false;
            while (i < n) {
                if (s.at(i) == u'\n')
                    ++line;
                if (s.at(i) == u'"') {
                    if (i + 1 < n && s.at(i + 1) == u'"') {
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                ++i;
            }
            if (!closed)
                return splitError(QStringLiteral("the quoted identifier opened here is never closed"), startLine);
            continue;
        }
        if (c == u'$' && (i == 0 || !isIdentChar(s.at(i - 1)))) {
            const QString tag = dollarTag(s, i);
            if (!tag.isEmpty()) {
                const int startLine = line;
                const int end = int(s.indexOf(tag, i + tag.size()));
                if (end < 0)
                    return splitError(QStringLiteral("the %1 quote opened here is never closed").arg(tag), startLine);
                line += int(s.mid(i, end - i).count(u'\n'));
                i = end + int(tag.size());
                continue;
            }
        }
        if (c == u'(') {
            ++p.parens;
            ++i;
            continue;
        }
        if (c == u')') {
            p.parens = std::max(0, p.parens - 1);
            ++i;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            int j = i;
            while (j < n && isIdentChar(s.at(j)))
                ++j;
            const QString word = s.mid(i, j - i).toLower();
            p.word(word);
            // psql's rule for SQL-standard routine bodies (BEGIN ATOMIC …
            // END): BEGIN opens a block, CASE too once inside one, END closes.
            if (p.parens == 0 && p.routineBody()) {
                if (word == u"begin" || (word == u"case" && p.blocks > 0))
                    ++p.blocks;
                else if (word == u"end" && p.blocks > 0)
                    --p.blocks;
            }
            i = j;
            continue;
        }
        ++i;
    }
    if (p.parens > 0 || p.blocks > 0) {
        // The last statement has no ';' and is still inside a block: it is
        // incomplete, not two statements.
        return splitError(QStringLiteral("the statement that starts here is not complete (an open parenthesis or "
                                         "BEGIN … END block)"),
                          p.line);
    }
    if (Status ok = finish(n); !ok.ok())
        return ok.error();
    return out;
}

namespace {

// The offset of the first character that is neither white space nor part
// of a comment; -1 when there is none.
qsizetype contentStart(const QByteArray &text)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text.at(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (c == '-' && i + 1 < text.size() && text.at(i + 1) == '-') {
            while (i < text.size() && text.at(i) != '\n')
                ++i;
        } else if (c == '/' && i + 1 < text.size() && text.at(i + 1) == '*') {
            const qsizetype end = text.indexOf("*/", i + 2);
            i = end < 0 ? text.size() : end + 2;
        } else {
            return i;
        }
    }
    return -1;
}

} // namespace

Result<QList<ScriptStatement>> splitSqliteScript(const QString &script)
{
    QList<ScriptStatement> out;
    const QByteArray utf8 = script.toUtf8();
    qsizetype start = 0;
    // SQLite's own tokenizer (sqlite3_complete) decides where statements end:
    // the candidate ends are the ';' characters, tried in order, so a ';'
    // inside a string, a comment or a trigger body does not end one.
    for (qsizetype i = 0; i <= utf8.size(); ++i) {
        const bool last = i == utf8.size();
        if (!last && utf8.at(i) != ';')
            continue;
        QByteArray text = utf8.mid(start, i - start);
        if (!last && !sqlite3_complete((text + ';').constData()))
            continue;
        const qsizetype begin = contentStart(text);
        if (begin >= 0) {
            // The end of the script ends a trailing "-- comment" too.
            if (last && !sqlite3_complete((text + "\n;").constData()))
                return splitError(QStringLiteral("the statement that starts here is not complete"),
                                  int(utf8.left(start + begin).count('\n')) + 1);
            out << ScriptStatement{QString::fromUtf8(text.mid(begin)).trimmed(),
                                   int(utf8.left(start + begin).count('\n')) + 1, int(out.size()) + 1};
        }
        start = i + 1;
    }
    return out;
}

} // namespace tw::migrate
