#include "PreferHeader.h"

#include "RestError.h"

namespace tw::http::rest {

namespace {

template<typename Enum>
struct Token
{
    const char16_t *text;
    Enum value;
};

const Token<Preferences::Return> kReturn[] = {{u"return=minimal", Preferences::Return::Minimal},
                                              {u"return=representation", Preferences::Return::Representation},
                                              {u"return=headers-only", Preferences::Return::HeadersOnly}};
const Token<Preferences::Count> kCount[] = {{u"count=exact", Preferences::Count::Exact},
                                            {u"count=planned", Preferences::Count::Planned},
                                            {u"count=estimated", Preferences::Count::Estimated}};
const Token<Preferences::Resolution> kResolution[] = {{u"resolution=merge-duplicates", Preferences::Resolution::MergeDuplicates},
                                                      {u"resolution=ignore-duplicates", Preferences::Resolution::IgnoreDuplicates}};
const Token<Preferences::Missing> kMissing[] = {{u"missing=default", Preferences::Missing::Default},
                                                {u"missing=null", Preferences::Missing::Null}};
const Token<Preferences::Handling> kHandling[] = {{u"handling=strict", Preferences::Handling::Strict},
                                                  {u"handling=lenient", Preferences::Handling::Lenient}};
const Token<Preferences::Tx> kTx[] = {{u"tx=commit", Preferences::Tx::Commit}, {u"tx=rollback", Preferences::Tx::Rollback}};

// Sets `slot` from `item` if it is one of `tokens`; true when it is one
// (even when an earlier occurrence already set the slot: later ones are
// valid but ignored, as in PostgREST).
template<typename Enum, std::size_t N>
bool match(const QString &item, const Token<Enum> (&tokens)[N], std::optional<Enum> &slot, QStringList &recognized)
{
    for (const auto &token : tokens) {
        if (item == QStringView(token.text)) {
            if (!slot) {
                slot = token.value;
                recognized.append(item);
            }
            return true;
        }
    }
    return false;
}

template<typename Enum, std::size_t N>
QString tokenOf(Enum value, const Token<Enum> (&tokens)[N])
{
    for (const auto &token : tokens) {
        if (token.value == value)
            return QString::fromUtf16(token.text);
    }
    return {};
}

bool maxAffected(const QString &item, Preferences &prefs)
{
    static const QString prefix = QStringLiteral("max-affected=");
    if (!item.startsWith(prefix))
        return false;
    bool ok = false;
    const QStringView digits = QStringView(item).mid(prefix.size());
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number < 0 || digits.startsWith(u'+') || digits.startsWith(u' '))
        return false;
    if (!prefs.maxAffected) {
        prefs.maxAffected = number;
        prefs.recognized.append(item);
    }
    return true;
}

bool timezone(const QString &item, Preferences &prefs)
{
    static const QString prefix = QStringLiteral("timezone=");
    if (!item.startsWith(prefix) || item.size() == prefix.size())
        return false;
    if (prefs.timezone.isEmpty()) {
        prefs.timezone = item.mid(prefix.size());
        prefs.recognized.append(item);
    }
    return true;
}

} // namespace

QString returnToken(Preferences::Return value)
{
    return tokenOf(value, kReturn);
}

QString countToken(Preferences::Count value)
{
    return tokenOf(value, kCount);
}

Result<Preferences> parsePrefer(const QList<QByteArray> &headerValues)
{
    Preferences prefs;
    for (const QByteArray &header : headerValues) {
        for (const QByteArray &part : header.split(',')) {
            const QString item = QString::fromUtf8(part).trimmed();
            if (item.isEmpty())
                continue;
            const bool known = match(item, kReturn, prefs.returning, prefs.recognized)
                               || match(item, kCount, prefs.count, prefs.recognized)
                               || match(item, kResolution, prefs.resolution, prefs.recognized)
                               || match(item, kMissing, prefs.missing, prefs.recognized)
                               || match(item, kHandling, prefs.handling, prefs.recognized)
                               || match(item, kTx, prefs.tx, prefs.recognized)
                               || maxAffected(item, prefs) || timezone(item, prefs);
            if (!known)
                prefs.invalid.append(item);
        }
    }
    if (prefs.strict() && !prefs.invalid.isEmpty())
        return restError(kInvalidPreferences, QStringLiteral("Invalid preferences given with handling=strict"),
                         QStringLiteral("Invalid preferences: %1").arg(prefs.invalid.join(QStringLiteral(", "))));
    return prefs;
}

QByteArray preferenceApplied(const Preferences &prefs)
{
    QStringList applied;
    if (prefs.resolution)
        applied << tokenOf(*prefs.resolution, kResolution);
    if (prefs.missing)
        applied << tokenOf(*prefs.missing, kMissing);
    if (prefs.returning)
        applied << tokenOf(*prefs.returning, kReturn);
    if (prefs.count)
        applied << tokenOf(*prefs.count, kCount);
    if (prefs.tx)
        applied << tokenOf(*prefs.tx, kTx);
    if (prefs.handling)
        applied << tokenOf(*prefs.handling, kHandling);
    if (!prefs.timezone.isEmpty())
        applied << QStringLiteral("timezone=") + prefs.timezone;
    if (prefs.strict() && prefs.maxAffected)
        applied << QStringLiteral("max-affected=%1").arg(*prefs.maxAffected);
    return applied.join(QStringLiteral(", ")).toUtf8();
}

} // namespace tw::http::rest
