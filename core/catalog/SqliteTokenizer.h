#pragma once

#include <QList>
#include <QString>

namespace tw::catalog::sqlite {

// Tokens of SQLite SQL text, enough to follow CREATE statements: words,
// quoted identifiers ("x", `x`, [x]), strings, numbers and single-character
// punctuation; whitespace and comments are dropped.
struct Token
{
    enum class Kind { Word, Quoted, String, Number, Punct };
    Kind kind = Kind::Punct;
    int start = 0;               // offsets into the tokenized text
    int end = 0;
    QString text;                // raw, as written

    bool is(const char *keyword) const; // bare word, case-insensitive
    bool isPunct(char c) const { return kind == Kind::Punct && text.size() == 1 && text.at(0) == QLatin1Char(c); }
    bool isName() const { return kind == Kind::Word || kind == Kind::Quoted || kind == Kind::String; }
    QString name() const;        // identifier value: quotes removed, doubled quotes undone
};

QList<Token> tokenize(const QString &sql);

// An identifier as SQL text: bare when it is a plain ASCII word that is not
// a keyword, quoted otherwise ("Order Items", "select", "a""b").
QString sqlIdentifier(const QString &name);

} // namespace tw::catalog::sqlite
