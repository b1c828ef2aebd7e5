"""The controllers behind the File and Edit menus: opening files, editing rows."""
