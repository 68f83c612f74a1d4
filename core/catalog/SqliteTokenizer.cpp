#include "SqliteTokenizer.h"

#include <sqlite3.h>

namespace tw::catalog::sqlite {

bool Token::is(const char *keyword) const
{
    return kind == Kind::Word && text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

QString Token::name() const
{
    if (kind == Kind::Word || text.size() < 2)
        return text;
    const QChar open = text.at(0);
    QString inner = text.mid(1, text.size() - 2);
    if (open == QLatin1Char('['))
        return inner;            // brackets have no escape
    return inner.replace(QString(2, open), QString(open));
}

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() > 127;
}

bool isIdentPart(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c == QLatin1Char('$');
}

// Index just past a quoted run that opened at `i`; a doubled closer is an
// escaped one. Unterminated text runs to the end.
int skipQuoted(const QString &sql, int i, QChar closer, bool doubledEscapes)
{
    const int n = int(sql.size());
    for (int j = i + 1; j < n; ++j) {
        if (sql.at(j) != closer)
            continue;
        if (doubledEscapes && j + 1 < n && sql.at(j + 1) == closer) {
            ++j;
            continue;
        }
        return j + 1;
    }
    return n;
}


} // namespace

QList<Token> tokenize(const QString &sql)
{
    QList<Token> tokens;
    const int n = int(sql.size());
    int i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const qsizetype eol = sql.indexOf(QLatin1Char('\n'), i);
            i = eol < 0 ? n : int(eol) + 1;
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype close = sql.indexOf(QLatin1String("*/"), i + 2);
            i = close < 0 ? n : int(close) + 2;
            continue;
        }
        Token tok;
        tok.start = i;
        if (c == QLatin1Char('\'')) {
            tok.kind = Token::Kind::String;
            i = skipQuoted(sql, i, c, true);
        } else if ((c == QLatin1Char('x') || c == QLatin1Char('X')) && next == QLatin1Char('\'')) {
            tok.kind = Token::Kind::String;                // blob literal
            i = skipQuoted(sql, i + 1, next, true);
        } else if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
            tok.kind = Token::Kind::Quoted;
            i = skipQuoted(sql, i, c, true);
        } else if (c == QLatin1Char('[')) {
            tok.kind = Token::Kind::Quoted;
            i = skipQuoted(sql, i, QLatin1Char(']'), false);
        } else if (isIdentStart(c)) {
            tok.kind = Token::Kind::Word;
            while (i < n && isIdentPart(sql.at(i)))
                ++i;
        } else if (c.isDigit() || (c == QLatin1Char('.') && next.isDigit())) {
            tok.kind = Token::Kind::Number;
            while (i < n) {
                const QChar d = sql.at(i);
                if (d.isLetterOrNumber() || d == QLatin1Char('.') || d == QLatin1Char('_'))
                    ++i;
                else if ((d == QLatin1Char('+') || d == QLatin1Char('-'))
                         && (sql.at(i - 1) == QLatin1Char('e') || sql.at(i - 1) == QLatin1Char('E')))
                    ++i;
                else
                    break;
            }
        } else {
            tok.kind = Token::Kind::Punct;
            ++i;
        }
        tok.end = i;
        tok.text = sql.mid(tok.start, tok.end - tok.start);
        tokens.append(tok);
    }
    return tokens;
}

QString sqlIdentifier(const QString &name)
{
    bool plain = !name.isEmpty() && !name.at(0).isDigit();
    for (QChar c : name)
        plain = plain && c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
    if (plain) {
        const QByteArray latin = name.toLatin1();
        plain = sqlite3_keyword_check(latin.constData(), int(latin.size())) == 0;
    }
    if (plain)
        return name;
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace tw::catalog::sqlite
