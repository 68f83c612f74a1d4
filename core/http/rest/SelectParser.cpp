#include "SelectParser.h"

#include "GrammarCursor.h"

namespace tw::http::rest {

namespace {

const QString kEndOfItem = QStringLiteral("\",\" or end of input");

QString takeLetters(GrammarCursor &cursor)
{
    QString word;
    while (!cursor.atEnd() && cursor.peek().isLetter() && cursor.peek().unicode() < 128) {
        word.append(cursor.peek());
        cursor.setPos(cursor.pos() + 1);
    }
    return word;
}

bool endOfItem(GrammarCursor &cursor)
{
    cursor.skipSpaces();
    return cursor.atEnd() || cursor.peek() == u',' || cursor.fail(kEndOfItem);
}

bool embeddingRefused(GrammarCursor &cursor)
{
    return cursor.unsupported(QStringLiteral("Resource embedding (relation(columns))"),
                              QStringLiteral("Select columns of this table only, or create a view that joins the tables."));
}

// The rest of an item once its first name is read and is not a relation.
bool columnItem(GrammarCursor &cursor, SelectItem &item, const QString &name)
{
    auto path = cursor.jsonPath();
    if (!path)
        return false;
    item.field = {name, *path};
    if (cursor.accept(u"::")) {
        auto type = cursor.typeName();
        if (!type)
            return false;
        item.cast = *type;
    }
    if (cursor.peek() == u'.') {
        cursor.accept(u'.');
        const qsizetype start = cursor.pos();
        const Aggregate aggregate = aggregateFromName(takeLetters(cursor));
        if (aggregate == Aggregate::None) {
            cursor.setPos(start);
            return cursor.fail(QStringLiteral("aggregate function (sum, avg, min, max, count)"));
        }
        if (!cursor.accept(u"()"))
            return cursor.fail(QStringLiteral("\"()\""));
        item.kind = SelectItem::Kind::Aggregate;
        item.aggregate = aggregate;
        if (cursor.accept(u"::")) {
            auto type = cursor.typeName();
            if (!type)
                return false;
            item.aggregateCast = *type;
        }
    }
    return endOfItem(cursor);
}

bool selectItem(GrammarCursor &cursor, SelectItem &item)
{
    cursor.skipSpaces();
    if (cursor.lookingAt(u"..."))
        return cursor.unsupported(QStringLiteral("Spreading an embedded resource (...relation(columns))"),
                                  QStringLiteral("Select columns of this table only, or create a view that joins the tables."));
    if (cursor.accept(u'*')) {
        item.kind = SelectItem::Kind::Star;
        return endOfItem(cursor);
    }
    auto name = cursor.fieldName();
    if (!name)
        return false;
    if (cursor.peek() == u':' && cursor.peek(1) != u':') {
        cursor.accept(u':');
        item.alias = *name;
        name = cursor.fieldName();
        if (!name)
            return false;
    }
    if (cursor.peek() == u'(' || cursor.peek() == u'!') {
        const Aggregate aggregate = aggregateFromName(*name);
        if (aggregate == Aggregate::None || !cursor.lookingAt(u"()"))
            return embeddingRefused(cursor);
        if (aggregate != Aggregate::Count)
            return cursor.failWith(QStringLiteral("%1() needs a column: write column.%1()").arg(*name));
        cursor.accept(u"()");
        item.kind = SelectItem::Kind::Aggregate;
        item.aggregate = Aggregate::Count;
        if (cursor.accept(u"::")) {
            auto type = cursor.typeName();
            if (!type)
                return false;
            item.aggregateCast = *type;
        }
        return endOfItem(cursor);
    }
    return columnItem(cursor, item, *name);
}

} // namespace

Aggregate aggregateFromName(QStringView name)
{
    if (name == u"count")
        return Aggregate::Count;
    if (name == u"sum")
        return Aggregate::Sum;
    if (name == u"avg")
        return Aggregate::Avg;
    if (name == u"min")
        return Aggregate::Min;
    if (name == u"max")
        return Aggregate::Max;
    return Aggregate::None;
}

QString aggregateName(Aggregate aggregate)
{
    switch (aggregate) {
    case Aggregate::Count: return QStringLiteral("count");
    case Aggregate::Sum: return QStringLiteral("sum");
    case Aggregate::Avg: return QStringLiteral("avg");
    case Aggregate::Min: return QStringLiteral("min");
    case Aggregate::Max: return QStringLiteral("max");
    case Aggregate::None: break;
    }
    return {};
}

Result<QList<SelectItem>> parseSelect(const QString &text)
{
    GrammarCursor cursor(text);
    QList<SelectItem> items;
    do {
        SelectItem item;
        if (!selectItem(cursor, item))
            return cursorError(cursor, describeParam(QStringLiteral("select parameter"), text));
        items.append(item);
    } while (cursor.accept(u','));
    return items;
}

Result<QStringList> parseColumnList(const QString &param, const QString &text)
{
    GrammarCursor cursor(text);
    QStringList names;
    do {
        auto name = cursor.fieldName();
        if (!name || !endOfItem(cursor))
            return cursorError(cursor, describeParam(param + QStringLiteral(" parameter"), text));
        names.append(*name);
    } while (cursor.accept(u','));
    return names;
}

Result<QList<OrderTerm>> parseOrder(const QString &text)
{
    GrammarCursor cursor(text);
    QList<OrderTerm> terms;
    const auto failed = [&] { return cursorError(cursor, describeParam(QStringLiteral("order"), text)); };
    do {
        OrderTerm term;
        auto field = cursor.field();
        if (!field)
            return failed();
        term.field = *field;
        if (cursor.peek() == u'(') {
            cursor.unsupported(QStringLiteral("Ordering by an embedded resource (relation(column))"));
            return failed();
        }
        bool directionGiven = false;
        if (cursor.accept(u'.')) {
            if (cursor.accept(u"asc")) {
                directionGiven = true;
            } else if (cursor.accept(u"desc")) {
                directionGiven = true;
                term.descending = true;
            } else if (cursor.accept(u"nullsfirst")) {
                term.nulls = OrderTerm::Nulls::First;
            } else if (cursor.accept(u"nullslast")) {
                term.nulls = OrderTerm::Nulls::Last;
            } else {
                cursor.fail(QStringLiteral("\"asc\", \"desc\", \"nullsfirst\" or \"nullslast\""));
                return failed();
            }
        }
        if (directionGiven && cursor.accept(u'.')) {
            if (cursor.accept(u"nullsfirst")) {
                term.nulls = OrderTerm::Nulls::First;
            } else if (cursor.accept(u"nullslast")) {
                term.nulls = OrderTerm::Nulls::Last;
            } else {
                cursor.fail(QStringLiteral("\"nullsfirst\" or \"nullslast\""));
                return failed();
            }
        }
        if (!endOfItem(cursor))
            return failed();
        terms.append(term);
    } while (cursor.accept(u','));
    return terms;
}

} // namespace tw::http::rest
