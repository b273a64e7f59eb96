# systemd/local.mk: the units, sysusers.d and tmpfiles.d snippets (engineer
# "ops"). Units are made from *.in with the install paths and go to
# $(systemdsystemunitdir) (configure --with-systemdsystemunitdir; default
# from pkg-config systemd); distcheck installs them under its prefix.
SYSTEMD_UNITS = systemd/mouwatchd.service systemd/mouwatch-worker@.service
EXTRA_DIST += systemd/mouwatchd.service.in systemd/mouwatch-worker@.service.in \
	systemd/mouwatch.sysusers systemd/mouwatch.tmpfiles
CLEANFILES += $(SYSTEMD_UNITS)
noinst_DATA = $(SYSTEMD_UNITS)

SYSTEMD_SUBST = $(AM_V_GEN)$(MKDIR_P) systemd && sed -e 's|@sbindir[@]|$(sbindir)|g' \
	-e 's|@bindir[@]|$(bindir)|g' -e 's|@sysconfdir[@]|$(sysconfdir)|g'
systemd/mouwatchd.service: $(srcdir)/systemd/mouwatchd.service.in Makefile
	$(SYSTEMD_SUBST) $(srcdir)/systemd/mouwatchd.service.in > $@.tmp && mv $@.tmp $@
systemd/mouwatch-worker@.service: $(srcdir)/systemd/mouwatch-worker@.service.in Makefile
	$(SYSTEMD_SUBST) $(srcdir)/systemd/mouwatch-worker@.service.in > $@.tmp && mv $@.tmp $@

if HAVE_SYSTEMDUNITDIR
systemdsystemunit_DATA = $(SYSTEMD_UNITS)
endif

sysusersdir = $(prefix)/lib/sysusers.d
tmpfilesdir = $(prefix)/lib/tmpfiles.d
install-data-hook: install-ops-snippets
install-ops-snippets:
	$(MKDIR_P) $(DESTDIR)$(sysusersdir) $(DESTDIR)$(tmpfilesdir)
	$(INSTALL_DATA) $(srcdir)/systemd/mouwatch.sysusers $(DESTDIR)$(sysusersdir)/mouwatch.conf
	$(INSTALL_DATA) $(srcdir)/systemd/mouwatch.tmpfiles $(DESTDIR)$(tmpfilesdir)/mouwatch.conf
uninstall-hook: uninstall-ops-snippets
uninstall-ops-snippets:
	rm -f $(DESTDIR)$(sysusersdir)/mouwatch.conf $(DESTDIR)$(tmpfilesdir)/mouwatch.conf

AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir=$$dc_install_base/lib/systemd/system
