from skynet_tui.cli import main

raise SystemExit(main())
