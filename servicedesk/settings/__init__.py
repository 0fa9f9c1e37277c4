"""Settings package: ``base`` holds everything read from the environment; ``local``,
``test`` and ``production`` only change defaults and safety checks."""
