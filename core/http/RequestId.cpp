#include "RequestId.h"

#include <QUuid>

#include <algorithm>
#include <atomic>

namespace tw::http {

namespace {

// A client's X-Request-Id is kept when it is short and plain (so logs of a
// proxy and ours line up): [A-Za-z0-9._:-]{1,64}.
bool isPlainRequestId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
               || c == ':' || c == '-';
    });
}

// Otherwise the id is UUID-shaped: a random UUID drawn once per process,
// whose last 48 bits count up from a random start. QUuid::createUuid() per
// request read /dev/urandom-backed bytes and formatted them (~1 % of the
// event loop's time); this stays unique within a process (2^48 requests)
// and, through the 80 random bits, across processes and restarts writing to
// the same audit log.
QString nextRequestId()
{
    struct Base
    {
        QString prefix;           // "xxxxxxxx-xxxx-4xxx-yxxx-"
        quint64 node = 0;
    };
    static const Base base = [] {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return Base{uuid.left(24), uuid.mid(24).toULongLong(nullptr, 16)};
    }();
    static std::atomic<quint64> counter{0};
    const quint64 value = (base.node + counter.fetch_add(1, std::memory_order_relaxed)) & 0xffffffffffffULL;
    QString id = base.prefix;
    id.reserve(36);
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 44; shift >= 0; shift -= 4)
        id.append(QLatin1Char(kHex[(value >> shift) & 0xf]));
    return id;
}

} // namespace

QString requestIdFor(const HttpRequest &request)
{
    const QByteArray given = request.header("x-request-id");
    if (isPlainRequestId(given))
        return QString::fromLatin1(given);
    return nextRequestId();
}

} // namespace tw::http
