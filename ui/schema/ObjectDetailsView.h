#pragma once

#include "catalog/Snapshot.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace tw::ui {

// The right side of the schema page: what one object is (a table of
// properties) and its DDL (read-only, highlighted, with a Copy button).
class ObjectDetailsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectDetailsView(QWidget *parent = nullptr);

    // nullopt (a group node, nothing selected) clears the pane.
    void showObject(const catalog::Snapshot &snapshot, const std::optional<catalog::ObjectRef> &ref);
    void clear();

    QString ddlText() const;
    bool ddlAvailable() const { return m_ddlOk; }
    QTableWidget *propertiesTable() const { return m_properties; }
    QPlainTextEdit *ddlView() const { return m_ddl; }

    // The DDL of one object or schema, or the error saying why there is none.
    static Result<QString> ddlFor(const catalog::Snapshot &snapshot, const catalog::ObjectRef &ref);

private:
    QLabel *m_title;
    QTableWidget *m_properties;
    QPlainTextEdit *m_ddl;
    QPushButton *m_copy;
    bool m_ddlOk = false;
};

} // namespace tw::ui
