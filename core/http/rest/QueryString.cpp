#include "QueryString.h"

#include "RestError.h"

#include <QStringDecoder>

namespace tw::http::rest {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Result<QString> formDecode(const QByteArray &component)
{
    // QByteArray::fromPercentEncoding() passes bad escapes through silently;
    // here they are an error, so a client's encoding bug is not read as data.
    QByteArray bytes;
    bytes.reserve(component.size());
    for (qsizetype i = 0; i < component.size(); ++i) {
        const char c = component.at(i);
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            const int high = i + 1 < component.size() ? hexValue(component.at(i + 1)) : -1;
            const int low = i + 2 < component.size() ? hexValue(component.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return restError(kBadQuery, QStringLiteral("failed to decode the query string"),
                                 QStringLiteral("invalid percent escape at byte %1").arg(i + 1),
                                 QStringLiteral("Encode '%' as %25."));
            if (high == 0 && low == 0)
                // No database text holds NUL; libpq would cut the value there ("a%00b" matching "a").
                return restError(kBadQuery, QStringLiteral("failed to decode the query string"),
                                 QStringLiteral("%00 (NUL) at byte %1 is not allowed").arg(i + 1));
            bytes.append(char(high * 16 + low));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return restError(kBadQuery, QStringLiteral("failed to decode the query string"),
                         QStringLiteral("the decoded bytes are not valid UTF-8"));
    return text;
}

Result<QList<QueryParam>> parseQueryString(const QByteArray &raw)
{
    QList<QueryParam> params;
    for (const QByteArray &segment : raw.split('&')) {
        if (segment.isEmpty())
            continue;
        const qsizetype equals = segment.indexOf('=');
        auto key = formDecode(equals < 0 ? segment : segment.left(equals));
        if (!key)
            return key.error();
        auto value = formDecode(equals < 0 ? QByteArray() : segment.mid(equals + 1));
        if (!value)
            return value.error();
        params.append({std::move(key).value(), std::move(value).value()});
    }
    return params;
}

} // namespace tw::http::rest
