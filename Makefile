# Bochum 2015 – the single entry point. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The address in every absolute link (canonical, sitemap, calendar, e-mails): the demo gives the
# site this host and port, so `PORT=8811 make run` links to :8811.
WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=
# One pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
SIZE ?= full

.DEFAULT_GOAL := help
.PHONY: help run test test-browser chromium audit lint format messages bench backup restore loadtest dgs-video stack stack-tools stack-stop test-stack

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps ## Set up and serve the site with demo content on http://127.0.0.1:$(PORT)
	$(PY) manage.py compile_catalogues
	$(PY) manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(PY) manage.py load_demo_content
	@echo "Serving Bochum 2015 on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.test-deps ## Set up and run the whole test suite (SQLite, or DATABASE_URL) and the apps' layering contract
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

$(VENV)/.browser-deps: requirements.txt requirements-dev.txt requirements-browser.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-browser.txt
	touch $@ $(VENV)/.test-deps $(VENV)/.run-deps

# No install scripts: vnu-jar's would download a Java runtime (the machine has Java 17).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts

chromium: ## Install Debian's Chromium when it is missing (the browser suite never downloads one)
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver >/dev/null; }

test-browser: $(VENV)/.browser-deps node_modules/.package-lock.json chromium ## Run the browser and accessibility suite in headless Chromium (screenshots in var/screenshots/)
	$(PY) -m pytest -n $(TEST_WORKERS) -m browser tests/browser $(PYTEST_ARGS)

$(VENV)/.stack-deps: requirements.txt requirements-dev.txt requirements-stack.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-stack.txt
	touch $@ $(VENV)/.test-deps $(VENV)/.run-deps

stack-tools: ## Install Debian's Varnish, nginx, Redis and wrk when they are missing
	@command -v varnishd >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1 && \
	command -v redis-server >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 || { \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq varnish nginx redis-server wrk >/dev/null; }

stack: $(VENV)/.stack-deps stack-tools ## Start Varnish, nginx, two app nodes, the task worker, Redis and S3 (moto) with the demo content on http://127.0.0.1:8080 (STACK_PORT)
	$(PY) deploy/stack.py up

stack-stop: ## Stop everything make stack started
	$(PY) deploy/stack.py down

test-stack: $(VENV)/.stack-deps stack-tools ## Run the stack's tests (tests/stack): front cache, forms, media on S3, purges, faults
	$(PY) deploy/stack.py up --reuse
	$(PY) -m pytest -m stack tests/stack $(PYTEST_ARGS)

audit: $(VENV)/.run-deps node_modules/.package-lock.json chromium ## Lighthouse and the W3C Nu checker on every page type in both languages of the running site (make run first; AUDIT_URL, AUDIT_PRESET=desktop)
	PORT=$(PORT) $(PY) audit/run.py

# The demo's placeholder for the video in German Sign Language: 20 s in Bochum blue with a caption
# and a clock, H.264 without sound, about 30 KB. Kept in the repository, so the demo needs no ffmpeg.
DGS_VIDEO := demo/media/dgs-platzhalter.mp4
DGS_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
dgs-video: ## Make the demo's placeholder sign-language video (installs Debian's ffmpeg when it is missing)
	@command -v ffmpeg >/dev/null 2>&1 && test -f $(DGS_FONT) || { \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq ffmpeg fonts-dejavu-core >/dev/null; }
	ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x00457c:s=640x360:r=12:d=20" \
		-vf "drawtext=fontfile=$(DGS_FONT):text='Platzhalter':fontcolor=white:fontsize=44:x=(w-text_w)/2:y=110,\
	drawtext=fontfile=$(DGS_FONT):text='Video in Deutscher Gebärdensprache':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=180,\
	drawtext=fontfile=$(DGS_FONT):text='%{pts\\:hms}':fontcolor=0xf08a24:fontsize=22:x=(w-text_w)/2:y=250" \
		-an -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -movflags +faststart \
		-metadata title="Bochum 2015 – Platzhalter für das Video in Deutscher Gebärdensprache" $(DGS_VIDEO)
	@ls -l $(DGS_VIDEO)

lint: $(VENV)/.test-deps ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test-deps ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.test-deps ## Update the German and English catalogues (needs GNU gettext)
	$(PY) manage.py makemessages -l de -l en --no-location --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var
	$(PY) manage.py compile_catalogues

bench: $(VENV)/.run-deps stack-tools ## Build the scale dataset in its own database, serve it under gunicorn (and Varnish), measure with wrk (SIZE=small: quick)
	$(PY) manage.py compile_catalogues
	$(PY) manage.py bench --size $(SIZE) $(BENCH_ARGS)

backup: $(VENV)/.run-deps ## Back up the database and media into backups/ (BACKUP_DIR to change)
	$(PY) -m bochum2015.backup create $(if $(BACKUP_DIR),--output $(BACKUP_DIR))

restore: $(VENV)/.run-deps ## Restore BACKUP=backups/....tar.gz into an empty database and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/bochum2015-....tar.gz"; exit 2; }
	$(PY) -m bochum2015.backup restore "$(BACKUP)"

loadtest: $(VENV)/.test-deps ## 60 s of mixed load (locust) on gunicorn + PostgreSQL; prints latencies and checks
	$(PY) loadtest/run.py
