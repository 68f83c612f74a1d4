#include "CatalogService.h"

#include "CatalogLoader.h"
#include "db/ConnectionRegistry.h"

#include <QFuture>

#include <algorithm>

namespace tw::catalog {

namespace {

// Optimal string alignment distance: Levenshtein plus swapped neighbours,
// the commonest typo in a name ("dmeo").
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

template<typename T>
QFuture<Result<T>> failed(Error error)
{
    return QtFuture::makeReadyFuture(Result<T>(std::move(error)));
}

} // namespace

QStringList closeMatches(const QString &name, const QStringList &candidates, int max)
{
    const QString wanted = name.toCaseFolded();
    struct Scored { int score; QString name; };
    QList<Scored> scored;
    for (const QString &candidate : candidates) {
        const QString folded = candidate.toCaseFolded();
        int score;
        if (folded == wanted)
            score = 0;
        else if (folded.startsWith(wanted) || wanted.startsWith(folded))
            score = 1;
        else if (folded.contains(wanted) || wanted.contains(folded))
            score = 2;
        else {
            const int distance = editDistance(wanted, folded);
            // Typos only: a distance above a third of the name is another name.
            if (distance > std::max<qsizetype>(1, wanted.size() / 3))
                continue;
            score = 2 + distance;
        }
        scored.append({score, candidate});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) { return a.score < b.score; });
    QStringList result;
    for (const auto &s : scored) {
        if (result.size() >= max)
            break;
        if (!result.contains(s.name))
            result << s.name;
    }
    return result;
}

Error notFoundError(const QString &message, QVariantMap details, const QString &name, const QStringList &candidates,
                    const QString &fallbackHint)
{
    const QStringList suggestions = closeMatches(name, candidates);
    details.insert(QStringLiteral("suggestions"), suggestions);
    Error error(ErrorCode::NotFound, message, std::move(details));
    if (!suggestions.isEmpty())
        error.withHint(QStringLiteral("did you mean: %1").arg(suggestions.join(QStringLiteral(", "))));
    else if (!fallbackHint.isEmpty())
        error.withHint(fallbackHint);
    return error;
}

Error unknownConnection(const QString &connection, const QStringList &known)
{
    return notFoundError(QStringLiteral("connection '%1' is not open").arg(connection),
                         {{QStringLiteral("connection"), connection}}, connection, known,
                         known.isEmpty() ? QString() : QStringLiteral("open connections: %1").arg(known.join(QStringLiteral(", "))));
}

QFuture<Result<QList<TableRef>>> listTables(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failed<QList<TableRef>>(unknownConnection(connection, registry.names()));
    return pool->run([](db::Session &session) { return listTables(session); });
}

QFuture<Result<Snapshot>> loadSnapshot(db::ConnectionRegistry &registry, const QString &connection)
{
    return startSnapshotLoad(registry, connection).future;
}

db::Job<Result<Snapshot>> startSnapshotLoad(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return {0, failed<Snapshot>(unknownConnection(connection, registry.names()))};
    return pool->submit([](db::Session &session) { return readSnapshot(session); });
}

} // namespace tw::catalog
