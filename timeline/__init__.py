"""The dashboard and command line of the news timeline."""
