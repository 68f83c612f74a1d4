#include "ListenAddress.h"

#include <arpa/inet.h>

#include <cstring>

namespace tw::config {

namespace {

// An IP address in its canonical text, parsed with the C library rather than
// QHostAddress: config is read by every command, and Qt Network with its
// Kerberos, proxy and D-Bus dependencies costs each start about 3 ms.
struct IpAddress
{
    bool v6 = false;
    unsigned char bytes[16] = {};
    QString scope; // "%eth0" of a link-local IPv6 address

    // ::ffff:a.b.c.d counts as the IPv4 address it carries.
    const unsigned char *v4() const
    {
        static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (!v6)
            return bytes;
        return std::memcmp(bytes, kMapped, sizeof kMapped) == 0 ? bytes + 12 : nullptr;
    }
    bool isLoopback() const
    {
        static constexpr unsigned char kLoopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        if (const unsigned char *four = v4())
            return four[0] == 127;
        return std::memcmp(bytes, kLoopback6, 16) == 0;
    }
    bool isWildcard() const
    {
        static constexpr unsigned char kZero[16] = {};
        return std::memcmp(bytes, kZero, v6 ? 16 : 4) == 0;
    }
    QString toString() const
    {
        char text[INET6_ADDRSTRLEN] = {};
        ::inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, text, sizeof text);
        return QString::fromLatin1(text) + scope;
    }
};

std::optional<IpAddress> parseIp(const QString &text)
{
    IpAddress address;
    QString bare = text;
    const qsizetype percent = text.indexOf(QLatin1Char('%'));
    if (percent >= 0) {
        address.scope = text.mid(percent);
        bare = text.left(percent);
        if (address.scope.size() < 2 || address.scope.size() > 16)
            return std::nullopt;
    }
    const QByteArray latin = bare.toLatin1();
    if (latin.isEmpty() || latin.size() != bare.size() || latin.size() >= INET6_ADDRSTRLEN)
        return std::nullopt;
    address.v6 = latin.contains(':');
    if (!address.v6 && percent >= 0)
        return std::nullopt;
    if (::inet_pton(address.v6 ? AF_INET6 : AF_INET, latin.constData(), address.bytes) != 1)
        return std::nullopt;
    return address;
}

} // namespace

QString ListenAddress::toString() const
{
    const bool v6 = host.contains(QLatin1Char(':'));
    return (v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') + QString::number(port);
}

bool ListenAddress::isLoopback() const
{
    const auto address = parseIp(host);
    return address && address->isLoopback();
}

bool ListenAddress::isWildcard() const
{
    const auto address = parseIp(host);
    return address && address->isWildcard();
}

std::optional<ListenAddress> parseListenAddress(const QString &given, QString *error)
{
    // Written as the C library prints addresses: dotted quads and RFC 4291
    // IPv6. inet_aton's older forms that QHostAddress also took (127.1, 0,
    // 010.0.0.1 meaning 8.0.0.1, 0x7f.0.0.1, 2130706433) are refused: a
    // listen address should read as what it binds.
    const QString text = given.trimmed();
    const auto refuse = [error](const QString &why) -> std::optional<ListenAddress> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return refuse(QStringLiteral("must be ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080"));
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
        if (!host.contains(QLatin1Char(':')))
            return refuse(QStringLiteral("brackets are only for IPv6 addresses"));
    } else if (host.contains(QLatin1Char(':'))) {
        return refuse(QStringLiteral("write an IPv6 address in brackets, e.g. [::1]:8080"));
    }
    const auto address = parseIp(host);
    if (!address)
        return refuse(QStringLiteral("the address must be an IP address written in full, such as 127.0.0.1, 0.0.0.0 or [::]"));
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || portText.startsWith(QLatin1Char('+')) || port < 0 || port > 65535)
        return refuse(QStringLiteral("the port must be between 0 and 65535"));
    return ListenAddress{address->toString(), port};
}

} // namespace tw::config
