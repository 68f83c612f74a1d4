#pragma once

#include "RestQuery.h"
#include "error/Error.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace tw::http::rest {

// A position in one parameter's text and the grammar pieces that select,
// filters, logic trees and order share (names, JSON paths, casts). Errors
// are recorded, not thrown: the first failure wins and the caller turns it
// into PGRST100 with details in PostgREST's `unexpected … expecting …` form.
class GrammarCursor
{
public:
    explicit GrammarCursor(QStringView text) : m_text(text) {}

    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const;
    bool lookingAt(QStringView s) const { return m_text.mid(m_pos).startsWith(s); }
    bool accept(QChar c);
    bool accept(QStringView s);
    void skipSpaces();
    QStringView rest() const { return m_text.mid(m_pos); }
    // Consumes up to (not including) the first of `stops`, returns what it read.
    QString takeUntil(QStringView stops);

    // A column or alias name: "double quoted" (backslash escapes), or letters,
    // digits, '_', '$' and spaces, with single dashes between them; trimmed.
    std::optional<QString> fieldName();
    // Zero or more ->/->> steps; integer operands are array indexes.
    std::optional<QList<JsonStep>> jsonPath();
    std::optional<Field> field();
    // The type after '::': letters, digits, '_', '$' and spaces, trimmed.
    std::optional<QString> typeName();
    // A "double quoted" value at the cursor (backslash escapes the next char).
    std::optional<QString> quoted();

    // Records a failure at the cursor (if none yet) and returns false.
    bool fail(const QString &expecting);
    // Same, with the whole details text given (e.g. `unknown operator "noop"`).
    bool failWith(const QString &details);
    // Records that the text asks for something we do not support (embedding…).
    bool unsupported(const QString &what, const QString &hint = {});
    bool failed() const { return m_failed; }
    bool isUnsupported() const { return !m_unsupported.isEmpty(); }
    QString details() const;
    const QString &unsupportedWhat() const { return m_unsupported; }
    const QString &unsupportedHint() const { return m_unsupportedHint; }

private:
    // How many UTF-16 units the identifier character at `at` spans; 0: none.
    int identifierCharAt(qsizetype at) const;

    QStringView m_text;
    qsizetype m_pos = 0;
    bool m_failed = false;
    qsizetype m_failPos = 0;
    QString m_expecting;
    QString m_details;
    QString m_unsupported;
    QString m_unsupportedHint;
};

// The cursor's failure as PGRST100 ("failed to parse <context>"), or, for
// unsupported syntax, "<what> is not supported". `context` names the
// parameter and its text, e.g. `select parameter (a,b(c))`. The "(column N)"
// in the details counts characters of the parameter's decoded value.
Error cursorError(const GrammarCursor &cursor, const QString &context);
// `name (text)`, with the text cut to a readable length.
QString describeParam(const QString &name, const QString &text);

} // namespace tw::http::rest
