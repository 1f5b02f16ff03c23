"""The app's modal screens: pickers, export, help."""
