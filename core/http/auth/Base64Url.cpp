#include "Base64Url.h"

namespace tw::http::auth {

namespace {

int sextetOf(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    const qsizetype length = text.size();
    // One leftover character carries only 6 bits: no byte can end there.
    if (length % 4 == 1)
        return std::nullopt;

    QByteArray out;
    out.reserve(length * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const int sextet = sextetOf(text.at(i));
        if (sextet < 0)
            return std::nullopt;
        buffer = (buffer << 6) | quint32(sextet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    // The unused low bits of the last character must be zero; otherwise
    // several spellings decode to the same bytes (a signature could be
    // "changed" without changing what is verified).
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

QByteArray encodeBase64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace tw::http::auth
