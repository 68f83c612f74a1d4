#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace tw::ui {

// Colours SQL for reading DDL: keywords, strings, quoted identifiers,
// numbers and comments. A lexer, not a parser: the state carried between
// lines is only "inside a block comment / string / quoted identifier /
// dollar-quoted body", which is all DDL needs to stay readable.
class SqlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *parent);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_identifier;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace tw::ui
