/* SPDX-License-Identifier: MIT */
/* main: the mutasi program (cli layer); cli_main() in cli.c does the rest. */
#include <locale.h>

#include "cli.h"

int
main(int argc, char **argv)
{
    /* Numbers are formatted by hand, so the locale only affects messages
     * from libraries; keep it "C" for stable output. */
    setlocale(LC_ALL, "C");
    return cli_main(argc, argv);
}
