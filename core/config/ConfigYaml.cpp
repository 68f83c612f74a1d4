#include "ConfigYaml.h"

#include "ConfigSchema.h"

#include <QStringList>

namespace tw::config::yamlcheck {

namespace {
QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}
} // namespace

QString child(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
}

[[noreturn]] void fail(const QString &field, const QString &message, const YAML::Node &at)
{
    const int line = at && !at.Mark().is_null() ? at.Mark().line + 1 : -1;
    throw Invalid{field, message, line};
}

// Runs before anything else so a secret is refused even when the rest of
// the file has other problems. The value is never read.
void refuseSecrets(const YAML::Node &node, const QString &path)
{
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            refuseSecrets(node[i], path + QStringLiteral("[%1]").arg(i));
    } else if (node.IsMap()) {
        for (const auto &kv : node) {
            const QString key = kv.first.IsScalar() ? scalarText(kv.first) : QString();
            const QString field = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            const QString lower = key.toLower();
            if (lower == QLatin1String("password") || lower == QLatin1String("passwd")) {
                fail(field, QStringLiteral("passwords are not allowed in the config file; "
                                           "store them in the OS keychain (Tablewright asks "
                                           "on first connect and saves it there)"), kv.first);
            }
            if (lower == QLatin1String("client_secret") || lower == QLatin1String("secret")) {
                fail(field, QStringLiteral("secrets are not allowed in the config file; "
                                           "store them in the OS keychain"), kv.first);
            }
            refuseSecrets(kv.second, field);
        }
    }
}

QHash<QString, YAML::Node> entries(const YAML::Node &node, const QString &path,
                                          std::initializer_list<const char *> allowed)
{
    QStringList allowedList;
    for (const char *key : allowed)
        allowedList << QString::fromLatin1(key);
    if (!node.IsMap()) {
        fail(path, QStringLiteral("must be a mapping with the keys ") + allowedList.join(QStringLiteral(", ")),
             node);
    }
    QHash<QString, YAML::Node> result;
    for (const auto &kv : node) {
        if (!kv.first.IsScalar())
            fail(path, QStringLiteral("keys must be plain names"), kv.first);
        const QString key = scalarText(kv.first);
        const QString field = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        if (!allowedList.contains(key)) {
            fail(field, QStringLiteral("unknown key '%1' (expected one of: %2)")
                            .arg(key, allowedList.join(QStringLiteral(", "))), kv.first);
        }
        if (result.contains(key))
            fail(field, QStringLiteral("duplicate key '%1'").arg(key), kv.first);
        result.insert(key, kv.second);
    }
    return result;
}

QString text(const YAML::Node &node, const QString &field, bool allowEmpty)
{
    if (node.IsNull()) {
        if (allowEmpty)
            return {};
        fail(field, QStringLiteral("must not be empty"), node);
    }
    if (!node.IsScalar())
        fail(field, QStringLiteral("must be a single value"), node);
    const QString value = scalarText(node);
    if (value.isEmpty() && !allowEmpty)
        fail(field, QStringLiteral("must not be empty"), node);
    return value;
}

int integer(const YAML::Node &node, const QString &field, int min, int max)
{
    int value = 0;
    if (!node.IsScalar() || !schema::parseInt(scalarText(node), min, max, &value))
        fail(field, schema::rangeMessage(min, max), node);
    return value;
}

bool boolean(const YAML::Node &node, const QString &field)
{
    bool value = false;
    if (!node.IsScalar() || !schema::parseBool(scalarText(node), &value))
        fail(field, QStringLiteral("must be true or false"), node);
    return value;
}

QStringList textList(const YAML::Node &node, const QString &field)
{
    if (!node.IsSequence())
        fail(field, QStringLiteral("must be a list"), node);
    QStringList out;
    for (std::size_t i = 0; i < node.size(); ++i)
        out << text(node[i], QStringLiteral("%1[%2]").arg(field).arg(i));
    return out;
}

} // namespace tw::config::yamlcheck
