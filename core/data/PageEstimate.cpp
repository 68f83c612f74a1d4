// estimateRows(): the catalog's or the planner's row estimate.
#include "DescribeParts.h"
#include "PageReader.h"
#include "PageSql.h"
#include "ReadGuard.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <libpq-fe.h>

#include <vector>

namespace tw::data {

namespace {

// libpq's text form of a bound value (the server infers the type).
QByteArray pgText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool: return value.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    case QMetaType::QByteArray: return QByteArrayLiteral("\\x") + value.toByteArray().toHex();
    case QMetaType::Double: return QByteArray::number(value.toDouble(), 'g', 17);
    case QMetaType::QDateTime: return value.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
    case QMetaType::QDate: return value.toDate().toString(Qt::ISODate).toUtf8();
    case QMetaType::QTime: return value.toTime().toString(Qt::ISODateWithMs).toUtf8();
    default: return value.toString().toUtf8();
    }
}

// PREPARE cannot hold an EXPLAIN, so QtSql cannot bind one: the plan's row
// estimate goes through libpq's PQexecParams, values still bound ($n).
Result<qint64> explainRows(db::Session &session, const PageSql &sql)
{
    PGconn *conn = session.native().pg();
    if (!conn)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("no PostgreSQL connection"));
    if (session.isCancelled())
        return session.cancelledError();
    const SqlStatement probe = sql.probe(PageSql::Placeholders::Native);
    const QByteArray text = QByteArrayLiteral("EXPLAIN (FORMAT JSON) ") + probe.sql.toUtf8();
    QList<QByteArray> values;
    std::vector<const char *> params;
    for (const QVariant &bind : probe.binds) {
        values << (bind.isNull() ? QByteArray() : pgText(bind));
        params.push_back(bind.isNull() ? nullptr : values.last().constData());
    }
    PGresult *result = PQexecParams(conn, text.constData(), int(params.size()), nullptr, params.data(), nullptr, nullptr, 0);
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
    const QByteArray json = ok ? QByteArray(PQgetvalue(result, 0, 0)) : QByteArray();
    const QString message = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (!ok)
        return Error(ErrorCode::QueryFailed, message, {{QStringLiteral("connection"), session.profile().name}});
    const QJsonObject plan = QJsonDocument::fromJson(json).array().at(0).toObject().value(QStringLiteral("Plan")).toObject();
    return qint64(plan.value(QStringLiteral("Plan Rows")).toDouble(-1));
}

} // namespace

Result<qint64> estimateRows(db::Session &session, const TableShape &shape, const PageRequest &request)
{
    auto sql = PageSql::make(session.dialect(), shape, request);
    if (!sql)
        return sql.error();
    if (!sql.value().postgres())
        return sql.value().hasConditions() ? qint64(-1) : detail::sqliteEstimate(session, shape);
    if (!sql.value().hasConditions() && shape.kind == catalog::TableRef::Kind::Table) {
        auto tuples = session.scalar(QStringLiteral("SELECT reltuples::float8 FROM pg_catalog.pg_class WHERE oid = ?::regclass"),
                                     {sql.value().table()});
        if (!tuples)
            return tuples.error();
        if (tuples.value().toDouble() >= 0)
            return qint64(tuples.value().toDouble());
    }
    // Never analysed, a view, or filtered: the planner's estimate.
    return detail::guarded<qint64>(session, sql.value(), [&] { return explainRows(session, sql.value()); });
}

} // namespace tw::data
