package dev.idaas.connector.testkit.alimail;

/** Hears of every change to the directory, in order, to keep it on disk. */
interface ChangeLog {

  /** A log that keeps nothing, for a simulator without a data folder. */
  ChangeLog NONE =
      new ChangeLog() {
        @Override
        public void saved(Department department) {}

        @Override
        public void departmentRemoved(String id) {}

        @Override
        public void saved(Mailbox account) {}

        @Override
        public void accountRemoved(String email) {}
      };

  /** A department was created or changed. */
  void saved(Department department);

  void departmentRemoved(String id);

  /** An account was created or changed. */
  void saved(Mailbox account);

  void accountRemoved(String email);
}
