#pragma once

#include "catalog/Snapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

namespace tw::ui {

// The words the schema viewer shows for catalog values: kind names, the
// tree's one-line summaries, the properties of the details pane and the
// quoted names "Copy name" puts on the clipboard. One place, so the tree and
// the details pane never describe the same object differently.
class SchemaText
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::SchemaText)
public:
    using Properties = QList<QPair<QString, QString>>;

    static QString kindLabel(catalog::ObjectKind kind);
    static QString constraintLabel(const catalog::Constraint &constraint);
    static QString rowEstimate(qint64 rows);
    static QString bytes(qint64 bytes);

    static QString detail(const catalog::Relation &relation);
    static QString detail(const catalog::Column &column);
    static QString detail(const catalog::Constraint &constraint);
    static QString detail(const catalog::Index &index);
    static QString detail(const catalog::Trigger &trigger);
    static QString detail(const catalog::Sequence &sequence);
    static QString detail(const catalog::Routine &routine);
    static QString detail(const catalog::EnumType &type);
    static QString detail(const catalog::Domain &domain);
    static QString detail(const catalog::CompositeType &type);
    static QString detail(const catalog::Extension &extension);

    static QString comment(const catalog::Snapshot &snapshot, const catalog::ObjectRef &ref);
    // Rows of the details pane; empty when the object is not in the snapshot.
    static Properties properties(const catalog::Snapshot &snapshot, const catalog::ObjectRef &ref);
    // Quoted by the connection's dialect: "public"."orders", "public"."f"(integer).
    static QString quotedName(const catalog::Snapshot &snapshot, const catalog::ObjectRef &ref);
};

} // namespace tw::ui
