return FishKit.Cli.CliApp.Run(args, Console.Out, Console.Error);
