#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tw::ui {

// Edits one JSON value in a roomy, pretty-printed editor. OK is only possible
// while the text is valid JSON (checked as you type), so nothing invalid is
// ever staged; the server would refuse it only at commit, far from here.
class JsonEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    // `prettyOnOpen`: jsonb keeps no key order or spacing, so showing it
    // indented loses nothing; plain json is shown exactly as stored.
    JsonEditorDialog(const QString &columnName, const QString &json, bool prettyOnOpen, QWidget *parent = nullptr);

    QString json() const;
    // Empty when `text` is valid JSON (any value, also a bare scalar),
    // else the parser's message with its offset.
    static QString validationError(const QString &text);
    static QString pretty(const QString &text);

private:
    void check();

    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QPushButton *m_ok;
};

} // namespace tw::ui
