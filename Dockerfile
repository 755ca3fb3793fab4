# Tandem in a container: the same hash-locked install CI runs (.ci/install), run as an unprivileged user.
# Build: docker build -t tandem .   Run with PostgreSQL: docker compose up (compose.yaml; docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/tandem/bin:$PATH \
    TANDEM_CONFIG=/etc/tandem/app.yaml \
    TANDEM_DATABASE_URL=sqlite:////var/lib/tandem/tandem.sqlite

WORKDIR /src
COPY pyproject.toml README.md LICENSE app.yaml requirements.lock requirements-dev.lock ./
COPY .ci/ .ci/
COPY core/ core/
COPY storage/ storage/
COPY scheduler/ scheduler/
COPY adapters/ adapters/
COPY bot/ bot/
RUN .ci/install /opt/tandem run \
    && mkdir -p /etc/tandem \
    && /opt/tandem/bin/tandem init --path /etc/tandem/app.yaml \
    && groupadd --system --gid 10001 tandem \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/tandem --create-home --shell /usr/sbin/nologin tandem \
    && rm -rf /src

USER 10001:10001
WORKDIR /var/lib/tandem
VOLUME ["/var/lib/tandem"]
# Slack's HTTP mode listens here (set slack.host to 0.0.0.0 in the app.yaml you mount at /etc/tandem/app.yaml).
EXPOSE 3000
# Healthy when the database answers and its schema is current (see docs/deploy.md).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["tandem", "health"]
# SIGTERM lets Tandem finish what it is sending and release its lease: give it the default 10 s.
STOPSIGNAL SIGTERM
CMD ["tandem", "run"]
