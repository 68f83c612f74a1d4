#include "SqliteSqlParser.h"

namespace tw::catalog::sqlite {

namespace {

// Index of the ')' matching the '(' at tokens[open], or -1.
int matching(const QList<Token> &t, int open)
{
    int depth = 0;
    for (int i = open; i < t.size(); ++i) {
        if (t[i].isPunct('('))
            ++depth;
        else if (t[i].isPunct(')') && --depth == 0)
            return i;
    }
    return -1;
}

QString textBetween(const QString &sql, const QList<Token> &t, int first, int last)
{
    if (first > last || first < 0 || last >= t.size())
        return {};
    return sql.mid(t[first].start, t[last].end - t[first].start);
}

// Splits tokens (open, close) at depth-0 commas into [first, last] ranges.
QList<QPair<int, int>> splitItems(const QList<Token> &t, int open, int close)
{
    QList<QPair<int, int>> items;
    int depth = 0;
    int first = open + 1;
    for (int i = open + 1; i < close; ++i) {
        if (t[i].isPunct('('))
            ++depth;
        else if (t[i].isPunct(')'))
            --depth;
        else if (depth == 0 && t[i].isPunct(',')) {
            items.append({first, i - 1});
            first = i + 1;
        }
    }
    if (first < close)
        items.append({first, close - 1});
    return items;
}

// The first token of each item in (open, close): the column names of a
// PRIMARY KEY / UNIQUE / FOREIGN KEY list ("a COLLATE x DESC" gives a).
QStringList nameList(const QList<Token> &t, int open, int close)
{
    QStringList names;
    for (const auto &[first, last] : splitItems(t, open, close)) {
        Q_UNUSED(last);
        names << t[first].name();
    }
    return names;
}

bool startsColumnConstraint(const Token &tok)
{
    static const char *const starts[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
                                         "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"};
    if (tok.kind != Token::Kind::Word)
        return false;
    for (const char *s : starts) {
        if (tok.is(s))
            return true;
    }
    return false;
}

// From i, skips (whole parenthesized groups included) to the next token that
// starts a column constraint, or to `end`.
int skipToConstraint(const QList<Token> &t, int i, int end)
{
    while (i <= end && !startsColumnConstraint(t[i])) {
        if (t[i].isPunct('(')) {
            const int close = matching(t, i);
            i = close < 0 ? end + 1 : close + 1;
        } else {
            ++i;
        }
    }
    return i;
}

// A REFERENCES clause starting at t[i] (the REFERENCES word). Fills refTable
// and deferrability; returns the index after the clause.
int parseReferences(const QList<Token> &t, int i, int end, ParsedForeignKey &fk)
{
    ++i;
    if (i <= end)
        fk.refTable = t[i++].name();
    if (i <= end && t[i].isPunct('(')) {
        const int close = matching(t, i);
        i = close < 0 ? end + 1 : close + 1;
    }
    while (i <= end) {
        if (t[i].is("ON")) {
            i += 2;                                      // ON DELETE|UPDATE
            if (i <= end && (t[i].is("SET") || t[i].is("NO")))
                ++i;                                     // SET NULL, SET DEFAULT, NO ACTION
            ++i;
        } else if (t[i].is("MATCH")) {
            if (i + 1 <= end)
                fk.match = t[i + 1].name().toUpper();
            i += 2;
        } else if (t[i].is("NOT") && i + 1 <= end && t[i + 1].is("DEFERRABLE")) {
            i += 2;
        } else if (t[i].is("DEFERRABLE")) {
            fk.deferrable = true;
            ++i;
        } else if (t[i].is("INITIALLY")) {
            fk.initiallyDeferred = i + 1 <= end && t[i + 1].is("DEFERRED");
            i += 2;
        } else {
            break;
        }
    }
    // "NOT DEFERRABLE INITIALLY DEFERRED" is not deferred.
    if (!fk.deferrable)
        fk.initiallyDeferred = false;
    return i;
}

void parseColumn(const QString &sql, const QList<Token> &t, int first, int last, ParsedTable &table)
{
    ParsedColumn column;
    column.name = t[first].name();
    int i = skipToConstraint(t, first + 1, last);
    QString pendingName;
    while (i <= last) {
        const Token &tok = t[i];
        QString name = pendingName;
        pendingName.clear();
        if (tok.is("CONSTRAINT")) {
            pendingName = i + 1 <= last ? t[i + 1].name() : QString();
            i += 2;
            continue;
        }
        if (tok.is("PRIMARY")) {
            table.primaryKeyName = name;
            i = skipToConstraint(t, i + 1, last);
        } else if (tok.is("UNIQUE")) {
            table.uniques.append({name, {column.name}});
            i = skipToConstraint(t, i + 1, last);
        } else if (tok.is("CHECK") && i + 1 <= last && t[i + 1].isPunct('(')) {
            const int close = matching(t, i + 1);
            if (close < 0)
                return;
            table.checks.append({name, textBetween(sql, t, i + 2, close - 1), column.name});
            i = skipToConstraint(t, close + 1, last);
        } else if (tok.is("DEFAULT")) {
            ++i;
            while (i <= last && (t[i].isPunct('+') || t[i].isPunct('-')))
                ++i;
            if (i <= last && t[i].isPunct('(')) {
                const int close = matching(t, i);
                i = close < 0 ? last + 1 : close;
            }
            i = skipToConstraint(t, i + 1, last);
        } else if (tok.is("COLLATE")) {
            if (i + 1 <= last)
                column.collation = t[i + 1].name();
            i = skipToConstraint(t, i + 2, last);
        } else if (tok.is("REFERENCES")) {
            ParsedForeignKey fk;
            fk.name = name;
            fk.columns = {column.name};
            i = skipToConstraint(t, parseReferences(t, i, last, fk), last);
            table.foreignKeys.append(fk);
        } else if (tok.is("GENERATED")) {
            i += 2;                                      // GENERATED ALWAYS, then AS
        } else if (tok.is("AS") && i + 1 <= last && t[i + 1].isPunct('(')) {
            const int close = matching(t, i + 1);
            if (close < 0)
                return;
            column.generated = textBetween(sql, t, i + 2, close - 1).trimmed();
            i = skipToConstraint(t, close + 1, last);
        } else {
            i = skipToConstraint(t, i + 1, last);       // NOT NULL, NULL, conflict clauses
        }
    }
    table.columns.append(column);
}

void parseTableConstraint(const QString &sql, const QList<Token> &t, int first, int last, ParsedTable &table)
{
    QString name;
    int i = first;
    if (t[i].is("CONSTRAINT") && i + 1 <= last) {
        name = t[i + 1].name();
        i += 2;
    }
    if (i > last)
        return;
    const Token &kind = t[i];
    // The column or expression list that follows the keyword(s).
    int open = i + 1;
    while (open <= last && !t[open].isPunct('('))
        ++open;
    const int close = open <= last ? matching(t, open) : -1;
    if (close < 0)
        return;
    if (kind.is("PRIMARY")) {
        table.primaryKeyName = name;
    } else if (kind.is("UNIQUE")) {
        table.uniques.append({name, nameList(t, open, close)});
    } else if (kind.is("CHECK")) {
        table.checks.append({name, textBetween(sql, t, open + 1, close - 1), {}});
    } else if (kind.is("FOREIGN")) {
        ParsedForeignKey fk;
        fk.name = name;
        fk.columns = nameList(t, open, close);
        if (close + 1 <= last && t[close + 1].is("REFERENCES"))
            parseReferences(t, close + 1, last, fk);
        table.foreignKeys.append(fk);
    }
}

bool isTableConstraintStart(const Token &tok)
{
    return tok.is("CONSTRAINT") || tok.is("PRIMARY") || tok.is("UNIQUE") || tok.is("CHECK") || tok.is("FOREIGN");
}

// Index of the first depth-0 token `keyword` at or after `from`, or -1.
int findTopLevel(const QList<Token> &t, int from, const char *keyword)
{
    int depth = 0;
    for (int i = from; i < t.size(); ++i) {
        if (t[i].isPunct('('))
            ++depth;
        else if (t[i].isPunct(')'))
            --depth;
        else if (depth == 0 && t[i].is(keyword))
            return i;
    }
    return -1;
}

int lastMeaningful(const QList<Token> &t)
{
    int last = int(t.size()) - 1;
    while (last >= 0 && t[last].isPunct(';'))
        --last;
    return last;
}

} // namespace

const ParsedColumn *ParsedTable::column(const QString &name) const
{
    for (const auto &c : columns) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

ParsedTable parseCreateTable(const QString &sql)
{
    ParsedTable table;
    const QList<Token> t = tokenize(sql);
    // CREATE [TEMP] TABLE [IF NOT EXISTS] name ( … ): the first '(' opens the
    // body, unless an AS comes first (CREATE TABLE … AS SELECT has no body).
    int open = -1;
    for (int i = 0; i < t.size(); ++i) {
        if (t[i].is("AS") || t[i].is("USING"))
            return table;
        if (t[i].isPunct('(')) {
            open = i;
            break;
        }
    }
    const int close = open < 0 ? -1 : matching(t, open);
    if (close < 0)
        return table;
    for (const auto &[first, last] : splitItems(t, open, close)) {
        if (isTableConstraintStart(t[first]))
            parseTableConstraint(sql, t, first, last, table);
        else
            parseColumn(sql, t, first, last, table);
    }
    table.ok = true;
    return table;
}

ParsedIndex parseCreateIndex(const QString &sql)
{
    ParsedIndex index;
    const QList<Token> t = tokenize(sql);
    const int on = findTopLevel(t, 0, "ON");
    int open = on < 0 ? -1 : on + 1;
    while (open >= 0 && open < t.size() && !t[open].isPunct('('))
        ++open;
    const int close = open < 0 || open >= t.size() ? -1 : matching(t, open);
    if (close < 0)
        return index;
    for (auto [first, last] : splitItems(t, open, close)) {
        if (last > first && (t[last].is("ASC") || t[last].is("DESC")))
            --last;
        index.items << textBetween(sql, t, first, last);
    }
    const int where = findTopLevel(t, close + 1, "WHERE");
    if (where >= 0)
        index.predicate = textBetween(sql, t, where + 1, lastMeaningful(t)).trimmed();
    return index;
}

ParsedTrigger parseCreateTrigger(const QString &sql)
{
    ParsedTrigger trigger;
    const QList<Token> t = tokenize(sql);
    int i = 0;
    while (i < t.size() && !t[i].is("TRIGGER"))
        ++i;
    ++i;
    if (i + 2 < t.size() && t[i].is("IF") && t[i + 1].is("NOT") && t[i + 2].is("EXISTS"))
        i += 3;
    ++i;                                                 // the name
    if (i + 1 < t.size() && t[i].isPunct('.'))
        i += 2;                                          // schema.name
    trigger.timing = QStringLiteral("BEFORE");
    if (i < t.size() && (t[i].is("BEFORE") || t[i].is("AFTER"))) {
        trigger.timing = t[i].text.toUpper();
        ++i;
    } else if (i + 1 < t.size() && t[i].is("INSTEAD") && t[i + 1].is("OF")) {
        trigger.timing = QStringLiteral("INSTEAD OF");
        i += 2;
    }
    if (i >= t.size())
        return trigger;
    trigger.event = t[i].text.toUpper();
    if (t[i].is("UPDATE") && i + 1 < t.size() && t[i + 1].is("OF")) {
        QStringList columns;
        for (int j = i + 2; j < t.size() && !t[j].is("ON"); ++j) {
            if (t[j].isName())
                columns << sqlIdentifier(t[j].name());
        }
        trigger.event += QStringLiteral(" OF ") + columns.join(QStringLiteral(", "));
    }
    return trigger;
}

QString viewSelect(const QString &sql)
{
    const QList<Token> t = tokenize(sql);
    const int as = findTopLevel(t, 0, "AS");
    if (as < 0 || as + 1 >= t.size())
        return {};
    return textBetween(sql, t, as + 1, lastMeaningful(t)).trimmed();
}

QStringList referencedNames(const QString &selectSql)
{
    const QList<Token> t = tokenize(selectSql);
    QStringList names;
    auto readName = [&](int i) {                         // returns index after the name
        if (i >= t.size() || !t[i].isName())
            return -1;
        if (i + 2 < t.size() && t[i + 1].isPunct('.') && t[i + 2].isName()) {
            names << t[i + 2].name();                    // schema.table
            return i + 3;
        }
        names << t[i].name();
        return i + 1;
    };
    for (int i = 0; i < t.size(); ++i) {
        if (!t[i].is("FROM") && !t[i].is("JOIN"))
            continue;
        int j = readName(i + 1);
        // FROM a [AS] x, b [AS] y, …
        while (j > 0 && j < t.size()) {
            if (t[j].is("AS"))
                ++j;
            if (j < t.size() && t[j].isName() && !t[j].is("WHERE") && !t[j].is("JOIN") && !t[j].is("ON")
                && t[j].kind != Token::Kind::String && !t[j].is("GROUP") && !t[j].is("ORDER")
                && !t[j].is("LIMIT") && !t[j].is("UNION") && !t[j].is("LEFT") && !t[j].is("INNER")
                && !t[j].is("CROSS") && !t[j].is("NATURAL") && !t[j].is("USING") && !t[j].is("WINDOW")
                && !t[j].is("HAVING") && !t[j].is("EXCEPT") && !t[j].is("INTERSECT"))
                ++j;                                     // alias
            if (j < t.size() && t[j].isPunct(','))
                j = readName(j + 1);
            else
                break;
        }
    }
    names.removeDuplicates();
    return names;
}

QStringList identifiersIn(const QString &expression, const QStringList &candidates)
{
    QStringList seen;
    for (const Token &tok : tokenize(expression)) {
        if (tok.kind == Token::Kind::Word || tok.kind == Token::Kind::Quoted)
            seen << tok.name();
    }
    QStringList found;
    for (const QString &candidate : candidates) {
        if (seen.contains(candidate, Qt::CaseInsensitive))
            found << candidate;
    }
    return found;
}

} // namespace tw::catalog::sqlite
