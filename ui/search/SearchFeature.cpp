#include "SearchFeature.h"

#include "SearchDialog.h"
#include "Workbench.h"

#include <QMainWindow>

namespace tw::ui {

void SearchFeature::install(Workbench &bench)
{
    auto *dialog = new SearchDialog(&bench.registry(), bench.window());
    QObject::connect(dialog, &SearchDialog::openRequested, &bench,
                     [&bench](const QString &connection, const catalog::QualifiedName &table) {
                         emit bench.browseRequested(connection, table);
                     });
    bench.addAction(MenuGroup::View, tr("&Search Database…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                    [dialog, &bench] {
                        const QString connection = bench.currentConnection();
                        if (connection.isEmpty()) {
                            bench.showStatus(tr("Open a connection first."), 5000);
                            return;
                        }
                        dialog->setConnection(connection);
                        dialog->show();
                        dialog->raise();
                        dialog->activateWindow();
                        dialog->focusQuery();
                    });
}

} // namespace tw::ui
