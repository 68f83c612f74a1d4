#pragma once

#include <QByteArray>
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tw::ui {

// Shows a bytea / BLOB value as a hex dump and exchanges it with files.
// The value changes only by loading a file or setting NULL: bytes are not
// typed in by hand.
class BinaryValueDialog final : public QDialog
{
    Q_OBJECT
public:
    BinaryValueDialog(const QString &columnName, const QVariant &value, bool editable, QWidget *parent = nullptr);

    // Null when set to NULL; else the (possibly loaded) bytes.
    QVariant value() const { return m_value; }
    bool changed() const { return m_changed; }

    // Test seams for the file buttons (the dialogs themselves need a person).
    bool loadFrom(const QString &path, QString *error = nullptr);
    bool saveTo(const QString &path, QString *error = nullptr) const;

private:
    void display(const QVariant &value);

    QVariant m_value;
    bool m_changed = false;
    QPlainTextEdit *m_view;
    QLabel *m_size;
};

} // namespace tw::ui
