"""Operations: sensors, schedule, alerts, and the real webserver/daemon/browser end to end."""
