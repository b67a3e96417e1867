import WorkshopCommands

Workshop.main()
