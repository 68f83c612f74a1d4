#include "SchemaText.h"

#include "db/Dialect.h"

#include <QLocale>

namespace tw::ui {

using catalog::ObjectKind;

namespace {

template<typename List>
auto findIn(const List &list, const QString &schema, const QString &name) -> decltype(&list.first())
{
    for (const auto &item : list) {
        if (item.schema == schema && item.name == name)
            return &item;
    }
    return nullptr;
}

const catalog::Routine *findRoutine(const catalog::Snapshot &s, const catalog::ObjectRef &ref)
{
    for (const auto &r : s.routines) {
        if (r.schema == ref.schema && (r.signature() == ref.name || r.name == ref.name))
            return &r;
    }
    return nullptr;
}

template<typename List>
auto findMember(const List &list, const QString &name) -> decltype(&list.first())
{
    for (const auto &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

const catalog::Constraint *findConstraint(const catalog::Relation &r, const QString &name)
{
    for (const auto &c : r.constraints) {
        if (c.name == name || (c.name.isEmpty() && c.definition == name))
            return &c;
    }
    return nullptr;
}

QString yesNo(bool value)
{
    return value ? SchemaText::tr("yes") : SchemaText::tr("no");
}

QString displayNames(const QList<catalog::QualifiedName> &names)
{
    QStringList out;
    for (const catalog::QualifiedName &n : names)
        out << n.displayName();
    return out.join(QStringLiteral(", "));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

QString SchemaText::kindLabel(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema: return tr("Schema");
    case ObjectKind::Table: return tr("Table");
    case ObjectKind::PartitionedTable: return tr("Partitioned table");
    case ObjectKind::View: return tr("View");
    case ObjectKind::MaterializedView: return tr("Materialized view");
    case ObjectKind::ForeignTable: return tr("Foreign table");
    case ObjectKind::Column: return tr("Column");
    case ObjectKind::Constraint: return tr("Constraint");
    case ObjectKind::Index: return tr("Index");
    case ObjectKind::Trigger: return tr("Trigger");
    case ObjectKind::Sequence: return tr("Sequence");
    case ObjectKind::Function: return tr("Function");
    case ObjectKind::Procedure: return tr("Procedure");
    case ObjectKind::EnumType: return tr("Enum type");
    case ObjectKind::Domain: return tr("Domain");
    case ObjectKind::CompositeType: return tr("Composite type");
    case ObjectKind::Extension: return tr("Extension");
    }
    return {};
}

QString SchemaText::constraintLabel(const catalog::Constraint &constraint)
{
    return constraint.name.isEmpty() ? constraint.definition : constraint.name;
}

QString SchemaText::rowEstimate(qint64 rows)
{
    return rows < 0 ? QString() : tr("~%1 rows").arg(number(rows));
}

QString SchemaText::bytes(qint64 bytes)
{
    return bytes < 0 ? QString() : QLocale().formattedDataSize(bytes);
}

QString SchemaText::detail(const catalog::Relation &relation)
{
    if (relation.isPartition() && !relation.partitionBound.isEmpty() && relation.estimatedRows < 0)
        return relation.partitionBound;
    // Views have no rows of their own, and SQLite keeps no estimates: the
    // column count is the next most telling number.
    if (relation.kind == ObjectKind::View || relation.estimatedRows < 0)
        return tr("%n column(s)", nullptr, int(relation.columns.size()));
    return rowEstimate(relation.estimatedRows);
}

QString SchemaText::detail(const catalog::Column &column)
{
    QString text = column.type;
    if (column.notNull)
        text += QLatin1String(" NOT NULL");
    return text;
}

QString SchemaText::detail(const catalog::Constraint &constraint)
{
    switch (constraint.type) {
    case catalog::Constraint::Type::PrimaryKey:
        return tr("primary key (%1)").arg(constraint.columns.join(QStringLiteral(", ")));
    case catalog::Constraint::Type::ForeignKey:
        return tr("foreign key → %1(%2)").arg(constraint.refTable, constraint.refColumns.join(QStringLiteral(", ")));
    case catalog::Constraint::Type::Unique:
        return tr("unique (%1)").arg(constraint.columns.join(QStringLiteral(", ")));
    case catalog::Constraint::Type::Check:
        return constraint.name.isEmpty() ? tr("check") : constraint.definition;
    case catalog::Constraint::Type::Exclusion:
        return tr("exclusion");
    }
    return {};
}

QString SchemaText::detail(const catalog::Index &index)
{
    QString text = index.unique ? tr("unique %1").arg(index.method) : index.method;
    return text + QLatin1String(" (") + index.keys.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString SchemaText::detail(const catalog::Trigger &trigger)
{
    return trigger.timing + QLatin1Char(' ') + trigger.events.join(QStringLiteral(" OR "));
}

QString SchemaText::detail(const catalog::Sequence &sequence)
{
    return sequence.dataType;
}

QString SchemaText::detail(const catalog::Routine &routine)
{
    return routine.returns.isEmpty() ? routine.language : QStringLiteral("→ ") + routine.returns;
}

QString SchemaText::detail(const catalog::EnumType &type)
{
    return tr("enum (%1)").arg(type.labels.join(QStringLiteral(", ")));
}

QString SchemaText::detail(const catalog::Domain &domain)
{
    return tr("domain over %1").arg(domain.baseType);
}

QString SchemaText::detail(const catalog::CompositeType &type)
{
    return tr("composite, %n attribute(s)", nullptr, int(type.attributes.size()));
}

QString SchemaText::detail(const catalog::Extension &extension)
{
    return extension.version;
}

QString SchemaText::comment(const catalog::Snapshot &s, const catalog::ObjectRef &ref)
{
    const Properties props = properties(s, ref);
    for (const auto &[label, value] : props) {
        if (label == tr("Comment"))
            return value;
    }
    return {};
}

SchemaText::Properties SchemaText::properties(const catalog::Snapshot &s, const catalog::ObjectRef &ref)
{
    Properties p;
    auto add = [&p](const QString &label, const QString &value) {
        if (!value.isEmpty())
            p.append({label, value});
    };
    add(tr("Name"), ref.name);
    add(tr("Kind"), kindLabel(ref.kind));
    if (ref.kind != ObjectKind::Schema && ref.kind != ObjectKind::Extension)
        add(tr("Schema"), ref.schema);

    switch (ref.kind) {
    case ObjectKind::Schema: {
        const auto *schema = findMember(s.schemas, ref.name);
        if (!schema)
            return {};
        add(tr("Owner"), schema->owner);
        add(tr("Comment"), schema->comment);
        return p;
    }
    case ObjectKind::Table:
    case ObjectKind::PartitionedTable:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::ForeignTable: {
        const catalog::Relation *r = s.relation(ref.schema, ref.name);
        if (!r)
            return {};
        add(tr("Owner"), r->owner);
        add(tr("Columns"), number(r->columns.size()));
        add(tr("Row estimate"), r->estimatedRows < 0 ? QString() : number(r->estimatedRows));
        add(tr("Table size"), bytes(r->tableBytes));
        add(tr("Index size"), bytes(r->indexBytes));
        add(tr("Partition key"), r->partitionKey);
        if (r->isPartition())
            add(tr("Partition of"), r->parentSchema + QLatin1Char('.') + r->parentTable);
        add(tr("Partition bound"), r->partitionBound);
        add(tr("Depends on"), displayNames(r->dependsOn));
        add(tr("Inherits"), displayNames(r->inherits));
        add(tr("Of type"), r->ofType.displayName());
        if (r->rowSecurity)
            add(tr("Row-level security"), r->forceRowSecurity ? tr("on, also for the owner") : tr("on"));
        QStringList policies;
        for (const catalog::Policy &policy : r->policies)
            policies << policy.name + QLatin1String(" (") + policy.command
                            + (policy.permissive ? QString() : QLatin1String(", restrictive")) + QLatin1Char(')');
        add(tr("Policies"), policies.join(QLatin1Char('\n')));
        add(tr("Foreign server"), r->foreignServer);
        add(tr("Foreign options"), r->foreignOptions.join(QStringLiteral(", ")));
        QStringList flags;
        if (r->unlogged)
            flags << QStringLiteral("UNLOGGED");
        if (r->withoutRowid)
            flags << QStringLiteral("WITHOUT ROWID");
        if (r->strict)
            flags << QStringLiteral("STRICT");
        add(tr("Options"), flags.join(QStringLiteral(", ")));
        if (!r->readable)
            add(tr("Readable"), tr("no: the connected role may not read its rows"));
        add(tr("Comment"), r->comment);
        return p;
    }
    case ObjectKind::Column:
    case ObjectKind::Constraint:
    case ObjectKind::Index:
    case ObjectKind::Trigger:
        break;
    case ObjectKind::Sequence: {
        const auto *q = findIn(s.sequences, ref.schema, ref.name);
        if (!q)
            return {};
        add(tr("Data type"), q->dataType);
        add(tr("Start"), number(q->start));
        add(tr("Increment"), number(q->increment));
        add(tr("Minimum"), number(q->minValue));
        add(tr("Maximum"), number(q->maxValue));
        add(tr("Cache"), number(q->cache));
        add(tr("Cycles"), yesNo(q->cycle));
        if (!q->ownedByTable.isEmpty())
            add(tr("Owned by"), q->ownedByTable.displayName() + QLatin1Char('.') + q->ownedByColumn);
        add(tr("Comment"), q->comment);
        return p;
    }
    case ObjectKind::Function:
    case ObjectKind::Procedure: {
        const catalog::Routine *r = findRoutine(s, ref);
        if (!r)
            return {};
        add(tr("Arguments"), r->arguments);
        add(tr("Returns"), r->returns);
        add(tr("Language"), r->language);
        add(tr("Volatility"), r->volatility);
        add(tr("Comment"), r->comment);
        return p;
    }
    case ObjectKind::EnumType: {
        const auto *e = findIn(s.enums, ref.schema, ref.name);
        if (!e)
            return {};
        add(tr("Labels"), e->labels.join(QStringLiteral(", ")));
        add(tr("Comment"), e->comment);
        return p;
    }
    case ObjectKind::Domain: {
        const auto *d = findIn(s.domains, ref.schema, ref.name);
        if (!d)
            return {};
        add(tr("Base type"), d->baseType);
        add(tr("Not null"), yesNo(d->notNull));
        add(tr("Default"), d->defaultValue);
        add(tr("Collation"), d->collation);
        QStringList checks;
        for (const auto &c : d->checks)
            checks << c.definition;
        add(tr("Checks"), checks.join(QLatin1Char('\n')));
        add(tr("Comment"), d->comment);
        return p;
    }
    case ObjectKind::CompositeType: {
        const auto *c = findIn(s.composites, ref.schema, ref.name);
        if (!c)
            return {};
        QStringList attributes;
        for (const auto &a : c->attributes)
            attributes << a.name + QLatin1Char(' ') + a.type;
        add(tr("Attributes"), attributes.join(QLatin1Char('\n')));
        add(tr("Comment"), c->comment);
        return p;
    }
    case ObjectKind::Extension: {
        const auto *e = findMember(s.extensions, ref.name);
        if (!e)
            return {};
        add(tr("Version"), e->version);
        add(tr("Schema"), e->schema);
        add(tr("Comment"), e->comment);
        return p;
    }
    }

    // Members of a relation.
    const catalog::Relation *r = s.relation(ref.schema, ref.parent);
    if (!r)
        return {};
    add(tr("Table"), r->name);
    if (ref.kind == ObjectKind::Column) {
        const catalog::Column *c = r->column(ref.name);
        if (!c)
            return {};
        add(tr("Type"), c->type);
        add(tr("Position"), number(c->position));
        add(tr("Not null"), yesNo(c->notNull));
        add(tr("Default"), c->defaultValue);
        add(tr("Identity"), c->identity);
        if (!c->generated.isEmpty())
            add(tr("Generated"), c->generated + QLatin1String(" (") + c->generatedStorage + QLatin1Char(')'));
        add(tr("Collation"), c->collation);
        add(tr("Comment"), c->comment);
    } else if (ref.kind == ObjectKind::Constraint) {
        const catalog::Constraint *c = findConstraint(*r, ref.name);
        if (!c)
            return {};
        const QString types[] = {tr("primary key"), tr("foreign key"), tr("unique"), tr("check"), tr("exclusion")};
        add(tr("Type"), types[int(c->type)]);
        add(tr("Columns"), c->columns.join(QStringLiteral(", ")));
        add(tr("Definition"), c->definition);
        if (c->type == catalog::Constraint::Type::ForeignKey) {
            add(tr("References"), c->refSchema + QLatin1Char('.') + c->refTable + QLatin1Char('(')
                                      + c->refColumns.join(QStringLiteral(", ")) + QLatin1Char(')'));
            add(tr("On update"), c->onUpdate);
            add(tr("On delete"), c->onDelete);
            add(tr("Match"), c->match);
        }
        if (c->deferrable)
            add(tr("Deferrable"), c->initiallyDeferred ? tr("initially deferred") : tr("initially immediate"));
        if (!c->validated)
            add(tr("Validated"), yesNo(false));
        add(tr("Comment"), c->comment);
    } else if (ref.kind == ObjectKind::Index) {
        const catalog::Index *i = findMember(r->indexes, ref.name);
        if (!i)
            return {};
        add(tr("Method"), i->method);
        add(tr("Unique"), yesNo(i->unique));
        if (i->primary)
            add(tr("Primary key"), yesNo(true));
        add(tr("Keys"), i->keys.join(QStringLiteral(", ")));
        add(tr("Include"), i->include.join(QStringLiteral(", ")));
        add(tr("Predicate"), i->predicate);
        add(tr("Constraint"), i->constraintName);
        add(tr("Size"), bytes(i->sizeBytes));
        add(tr("Comment"), i->comment);
    } else {
        const catalog::Trigger *t = findMember(r->triggers, ref.name);
        if (!t)
            return {};
        add(tr("Timing"), t->timing);
        add(tr("Events"), t->events.join(QStringLiteral(", ")));
        add(tr("Level"), t->level);
        add(tr("Function"), t->function.displayName());
        if (t->enabledMode == QLatin1String("always"))
            add(tr("Enabled"), tr("always, on replicas too"));
        else if (t->enabledMode == QLatin1String("replica"))
            add(tr("Enabled"), tr("on replicas only"));
        else
            add(tr("Enabled"), yesNo(t->enabled));
        add(tr("Comment"), t->comment);
    }
    return p;
}

QString SchemaText::quotedName(const catalog::Snapshot &s, const catalog::ObjectRef &ref)
{
    const db::Dialect &dialect = db::dialectFor(s.driver);
    auto q = [&dialect](const QString &name) { return dialect.quoteIdentifier(name); };
    // SQLite's one schema is implied; spelling it out only adds noise.
    const bool implied = s.driver == config::Driver::Sqlite && (ref.schema.isEmpty() || ref.schema == QLatin1String("main"));
    const QString prefix = implied || ref.schema.isEmpty() ? QString() : q(ref.schema) + QLatin1Char('.');
    switch (ref.kind) {
    case ObjectKind::Schema:
    case ObjectKind::Extension:
    case ObjectKind::Constraint:
    case ObjectKind::Trigger:
        return q(ref.name);
    case ObjectKind::Column:
        return prefix + q(ref.parent) + QLatin1Char('.') + q(ref.name);
    case ObjectKind::Function:
    case ObjectKind::Procedure: {
        const catalog::Routine *r = findRoutine(s, ref);
        if (!r)
            return prefix + ref.name;
        return prefix + q(r->name) + QLatin1Char('(') + r->identityArguments + QLatin1Char(')');
    }
    default:
        return prefix + q(ref.name);
    }
}

} // namespace tw::ui
