# Samverkan as a container (DESIGN §13): HTTP mode, the database on a volume, a non-root user,
# the dependencies exactly as uv.lock pins them. Build and run: see README.md, "Running it as
# a service"; deploy/compose.yml is an example.
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy

WORKDIR /app

# The same uv as the Makefile pins; then the locked dependencies (not the dev extra), before
# the source, so a change of code reuses this layer.
RUN pip install --no-cache-dir uv==0.13.9
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-install-project --no-cache

COPY bot.py config.py ./
COPY samverkan ./samverkan
COPY storage ./storage
COPY handlers ./handlers
COPY serve ./serve
COPY slackapi ./slackapi
COPY schedules ./schedules
COPY blocks ./blocks
COPY console ./console

# A user of its own; the database (and its backups) on the volume it owns.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin samverkan \
    && mkdir -p /data/backups \
    && chown -R samverkan:samverkan /data
USER 10001:10001

ENV SAMVERKAN_DB=/data/samverkan.db \
    SAMVERKAN_BACKUP_DIR=/data/backups \
    SAMVERKAN_HOST=0.0.0.0 \
    PORT=3000
VOLUME ["/data"]
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/app/.venv/bin/python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '3000') + '/healthz', timeout=4)"]

CMD ["/app/.venv/bin/python", "bot.py", "http"]
