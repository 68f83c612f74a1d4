#include "VisibleSnapshot.h"

#include <QRegularExpression>
#include <QSet>

namespace tw::http::v1 {

using namespace tw::catalog;

QString policyName(const QualifiedName &name)
{
    return name.schema + QLatin1Char('.') + name.name;
}

namespace {

// What one caller may see of the snapshot's relations.
class Visibility
{
public:
    Visibility(const Snapshot &snapshot, const Policy &policy, const QStringList &roles, const QString &connection)
    {
        for (const Relation &r : snapshot.relations) {
            const QString name = policyName(r.key());
            if (!policy.allows(roles, Permission::Read, connection, name))
                continue;
            const QStringList hidden = policy.deniedColumns(roles, connection, name);
            m_readable.insert(r.key(), QSet<QString>(hidden.cbegin(), hidden.cend()));
        }
    }

    bool readable(const QualifiedName &relation) const { return m_readable.contains(relation); }
    QSet<QString> hidden(const QualifiedName &relation) const { return m_readable.value(relation); }
    bool columnVisible(const QualifiedName &relation, const QString &column) const
    {
        const auto it = m_readable.constFind(relation);
        return it != m_readable.cend() && !it->contains(column);
    }

private:
    QHash<QualifiedName, QSet<QString>> m_readable;   // readable relation → its hidden columns
};

// Whether `text` names one of `columns` as a word (case-insensitively, as
// unquoted identifiers fold): a literal that merely contains the name hides
// a little more than needed, never less.
bool mentionsAny(const QString &text, const QList<QRegularExpression> &columns)
{
    for (const QRegularExpression &column : columns) {
        if (column.match(text).hasMatch())
            return true;
    }
    return false;
}

QList<QRegularExpression> wordPatterns(const QSet<QString> &columns)
{
    QList<QRegularExpression> patterns;
    for (const QString &column : columns) {
        patterns << QRegularExpression(QStringLiteral("(?<![\\w$])%1(?![\\w$])").arg(QRegularExpression::escape(column)),
                                       QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    }
    return patterns;
}

bool intersects(const QStringList &names, const QSet<QString> &hidden)
{
    for (const QString &name : names) {
        if (hidden.contains(name))
            return true;
    }
    return false;
}

QualifiedName referenced(const Relation &owner, const Constraint &fk)
{
    // An unqualified reference (SQLite) is to the owner's schema.
    return {fk.refSchema.isEmpty() ? owner.schema : fk.refSchema, fk.refTable};
}

Relation visibleRelation(const Relation &source, const Visibility &visibility)
{
    Relation r = source;
    r.dependsOn.removeIf([&](const QualifiedName &n) { return !visibility.readable(n); });
    r.constraints.removeIf([&](const Constraint &c) {
        if (c.type != Constraint::Type::ForeignKey)
            return false;
        const QualifiedName target = referenced(source, c);
        if (!visibility.readable(target))
            return true;
        for (const QString &column : c.refColumns) {
            if (!visibility.columnVisible(target, column))
                return true;
        }
        return false;
    });
    // SQLite's stored CREATE statement holds every column and foreign key:
    // once anything is left out, it would still show it.
    if (r.constraints.size() != source.constraints.size())
        r.sql.clear();

    const QSet<QString> hidden = visibility.hidden(source.key());
    if (hidden.isEmpty())
        return r;
    const QList<QRegularExpression> words = wordPatterns(hidden);
    r.columns.removeIf([&](const Column &c) { return hidden.contains(c.name); });
    for (Column &c : r.columns)
        c = visibleColumn(c, hidden);
    r.constraints.removeIf([&](const Constraint &c) {
        return intersects(c.columns, hidden) || mentionsAny(c.definition, words);
    });
    r.indexes.removeIf([&](const Index &i) {
        return intersects(i.keys, hidden) || intersects(i.include, hidden) || mentionsAny(i.keys.join(u' '), words)
               || mentionsAny(i.predicate, words) || mentionsAny(i.definition, words);
    });
    r.triggers.removeIf([&](const Trigger &t) { return mentionsAny(t.definition, words) || mentionsAny(t.events.join(u' '), words); });
    r.policies.removeIf([&](const catalog::Policy &p) { return mentionsAny(p.usingExpression, words) || mentionsAny(p.withCheck, words); });
    r.sql.clear();
    return r;
}

} // namespace

catalog::Column visibleColumn(const catalog::Column &column, const QSet<QString> &hidden)
{
    if (hidden.isEmpty() || column.generated.isEmpty() || !mentionsAny(column.generated, wordPatterns(hidden)))
        return column;
    catalog::Column out = column;
    out.generated = QStringLiteral("(an expression over columns hidden from you)");
    return out;
}

Snapshot visibleSnapshot(const Snapshot &snapshot, const Policy &policy, const QStringList &roles, const QString &connection)
{
    const Visibility visibility(snapshot, policy, roles, connection);
    Snapshot out = snapshot;
    out.relations.clear();
    QSet<QString> hiddenNames;
    for (const Relation &r : snapshot.relations) {
        if (visibility.readable(r.key()))
            out.relations.append(visibleRelation(r, visibility));
        else
            hiddenNames << r.qualifiedName() << r.name;
    }
    out.sequences.removeIf([&](const Sequence &s) {
        return !s.ownedByTable.isEmpty() && !visibility.columnVisible(s.ownedByTable, s.ownedByColumn);
    });
    out.problems.removeIf([&](const LoadProblem &p) { return hiddenNames.contains(p.part); });
    return out;
}

} // namespace tw::http::v1
