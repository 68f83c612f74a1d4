#include "MigrationsFeature.h"

#include "MigrationsPage.h"
#include "Workbench.h"

#include <QMessageBox>

namespace tw::ui {

void MigrationsFeature::install(Workbench &bench)
{
    auto *page = new MigrationsPage(&bench.registry());
    bench.addPage(PageId::Migrations, page);
    // The page follows the open connection but reads its status only when shown.
    QObject::connect(&bench, &Workbench::connectionOpened, page, [page](const QString &connection) {
        if (!page->isRunning())
            page->setConnection(connection);
    });
    QObject::connect(page, &MigrationsPage::failed, &bench, &Workbench::operationFailed);
    QObject::connect(page, &MigrationsPage::statusMessage, &bench, [&bench](const QString &text) { bench.showStatus(text, 5000); });
    auto open = [page, &bench] {
        const QString connection = bench.currentConnection();
        if (connection.isEmpty()) {
            bench.showStatus(tr("Open a connection first."), 5000);
            return;
        }
        if (!page->isRunning())
            page->setConnection(connection);
        bench.showPage(PageId::Migrations);
    };
    bench.addAction(MenuGroup::View, tr("&Migrations"), QKeySequence(Qt::CTRL | Qt::Key_4), open);
    bench.addAction(MenuGroup::Connection, tr("&Migrations…"), QKeySequence(), open);
    bench.addCloseGuard([page] {
        if (!page->isRunning())
            return true;
        if (QMessageBox::question(page->window(), tr("Quit"),
                                  tr("A migration is running. Cancel it and quit? The statement running now is "
                                     "cancelled and its migration rolled back (or left partial for Up to resume)."),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes)
            return false;
        page->cancelRun();
        return true;
    });
}

} // namespace tw::ui
